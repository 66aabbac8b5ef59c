package fi.perhekeskus.referral;

import fi.perhekeskus.referral.referral.ReferralSla;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The views' writes of a processor batch go to MongoDB as one bulk per collection when the batch
 * commits (BatchedDocuments), inside the transaction that stores the processor's token in PostgreSQL.
 */
@Configuration
@EnableConfigurationProperties(ReferralSla.class)
public class ReadModelConfiguration {
}
