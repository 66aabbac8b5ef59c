package fi.perhekeskus.contract.programme;

/** Why a session was moved or cancelled, as a code integrators and reports can read. */
public enum SessionChangeReason {
    FACILITATOR_UNAVAILABLE, PREMISES_UNAVAILABLE, TOO_FEW_PARTICIPANTS, HOLIDAY, WEATHER, OTHER
}
