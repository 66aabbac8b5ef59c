package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.referral.EscalationStage;

import java.time.Instant;

/** The payload of a service-level deadline. */
public record EscalationDue(EscalationStage stage, Instant dueAt) {
}
