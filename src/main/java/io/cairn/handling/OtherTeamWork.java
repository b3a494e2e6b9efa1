package io.cairn.handling;

import java.util.List;

/**
 * Work that another module gives people and their teams (a step of a security procedure), listed on the team task
 * list beside the tasks of incidents. Those modules implement it; this module shows the items and knows nothing more
 * of them.
 */
public interface OtherTeamWork {

    /** The open work of the signed-in user and their teams, by due time, in the reader's language. */
    List<TeamWorkItem> openWork();
}
