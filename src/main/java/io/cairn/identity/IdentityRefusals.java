package io.cairn.identity;

import io.cairn.shared.Refusal;

/** The reasons for which the identity module refuses a command. */
enum IdentityRefusals implements Refusal.Reason {
    PASSWORD_TOO_LONG("identity.password-too-long", "must be at most 200 characters"),
    PASSWORD_HAS_LOGIN_NAME("identity.password-has-login-name", "must not contain the login name"),
    NOT_THE_CURRENT_PASSWORD("identity.not-the-current-password", "is not your current password"),
    SAME_PASSWORD("identity.same-password", "must differ from the current password"),
    NOT_A_LANGUAGE("identity.not-a-language", "must be en or nl"),
    LEGAL_ENTITY_DOES_NOT_EXIST("identity.legal-entity-does-not-exist", "legal entity {0} does not exist"),
    NOT_IN_THE_FUTURE("identity.not-in-the-future", "must be in the future"),
    OWN_ADMIN_ROLE(
            "identity.own-admin-role", "you cannot remove your own admin role or disable yourself; ask another admin");

    private final String code;
    private final String template;

    IdentityRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
