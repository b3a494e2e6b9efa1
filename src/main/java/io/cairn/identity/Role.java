package io.cairn.identity;

/** What a user may do in Cairn; a user may hold several roles. */
public enum Role {
    /** Reports incidents and follows their own reports. */
    REPORTER,
    /** Security team member: triages, handles and shares incidents. */
    HANDLER,
    /** Member of another team who completes tasks assigned to that team. */
    RESOLVER,
    /** Incident manager: priorities, SLAs, escalations, metrics. */
    COORDINATOR,
    /** Data protection officer: breach assessments and regulator clocks. */
    PRIVACY_OFFICER,
    /** Reads and verifies the audit trail. */
    AUDITOR,
    /** Manages users, teams, templates and configuration. */
    ADMIN
}
