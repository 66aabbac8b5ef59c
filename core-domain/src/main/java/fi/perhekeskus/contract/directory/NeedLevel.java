package fi.perhekeskus.contract.directory;

/** The traffic-light model (liikennevalomalli): universal, small concern, great concern. */
public enum NeedLevel {
    GREEN, YELLOW, RED
}
