package fi.perhekeskus.contract.directory;

/** How a service is given: to one family, as a group, or as an open drop-in place. */
public enum ServiceKind {
    INDIVIDUAL, GROUP, OPEN
}
