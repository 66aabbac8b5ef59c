package fi.perhekeskus.referral;

import fi.perhekeskus.infra.processing.ConsumingProcessors;
import fi.perhekeskus.referral.referral.ReferralSla;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The views' writes of a processor batch go to MongoDB as one bulk per collection when the batch
 * commits (BatchedDocuments), inside the transaction that stores the processor's token in PostgreSQL.
 */
@Configuration
@EnableConfigurationProperties(ReferralSla.class)
public class ReadModelConfiguration {

    /**
     * What group referrals led to, read from meeting-service's topic by a processor of its own, its
     * token in this service's database; a poison event is parked (in this service's PostgreSQL) with
     * its programme's later events while other programmes keep flowing.
     */
    @Bean
    public ConfigurerModule enrolmentProcessor(ConsumingProcessors processors) {
        return processors.readingPublicTopics(ReadModels.ENROLMENTS)
                .batchSize(100)
                .deadLettersInJdbc()
                .module();
    }
}
