package io.cairn.federation;

/** The JSON Schema of the exchange format, version 1, as this instance serves and checks it. */
final class ExchangeSchema {

    /** Where the schema lives on the class path. */
    static final String RESOURCE = "federation/exchange-1.schema.json";

    /** The schema's {@code $id}, by which a message names it. */
    static final String ID = "urn:cairn:exchange:1";

    private ExchangeSchema() {}
}
