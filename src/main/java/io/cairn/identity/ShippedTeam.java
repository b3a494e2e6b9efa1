package io.cairn.identity;

import io.cairn.shared.Language;

/**
 * The team a new instance starts with (see {@link SecurityTeamFormed}), in the reader's language: a Dutch reader gets
 * the Dutch description while it is still the shipped English one, the way the handling module shows the playbooks,
 * calendar and routing rule it ships; a description someone changed is shown as they wrote it. The name, Security, is
 * a name, and one that Dutch uses as it is.
 */
final class ShippedTeam {

    static final String NAME = "Security";
    static final String DESCRIPTION = "The security team: place the handlers here. The routing rule Cairn ships sends "
            + "it every incident that no other rule routes.";
    private static final String DESCRIPTION_DUTCH = "Het securityteam: plaats hier de behandelaars. De "
            + "routeringsregel die Cairn meelevert, stuurt het elk incident dat geen andere regel routeert.";

    private ShippedTeam() {}

    /** The description in the reader's language, if it is the shipped one; otherwise as it is. */
    static String description(String description) {
        return DESCRIPTION.equals(description) && Language.current() == Language.DUTCH
                ? DESCRIPTION_DUTCH
                : description;
    }

    static TeamView shown(TeamView team) {
        String description = description(team.description());
        return description.equals(team.description())
                ? team
                : new TeamView(team.id(), team.name(), description, team.businessUnit(), team.version());
    }

    /** A team as someone saves it: the shipped description they were shown in their language stays the stored one. */
    static TeamDefinition asStored(TeamDefinition submitted, String storedDescription) {
        return submitted.description() != null && submitted.description().equals(description(storedDescription))
                ? new TeamDefinition(submitted.name(), storedDescription, submitted.businessUnit())
                : submitted;
    }
}
