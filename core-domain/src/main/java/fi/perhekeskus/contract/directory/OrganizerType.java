package fi.perhekeskus.contract.directory;

/** Who organises an agency; data between organizers needs consent. */
public enum OrganizerType {
    WELLBEING_COUNTY, MUNICIPALITY, NGO, PARISH, KELA, PRIVATE
}
