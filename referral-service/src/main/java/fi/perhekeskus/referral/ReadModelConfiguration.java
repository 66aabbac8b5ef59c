package fi.perhekeskus.referral;

import fi.perhekeskus.infra.processing.ConsumingProcessors;
import fi.perhekeskus.referral.accessreport.MeetingDisclosureRecorder;
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
     * The processors reading meeting-service's topic, each with its own token in this service's
     * database: what group referrals led to (the sender's view), and meeting-service's disclosures
     * of families into the access log, families' notifications (enrolments, the waitlist, reminders),
     * and the programmes and open places the directory's capacity and the families' finder are made
     * of. A poison event is parked (in this service's PostgreSQL) with
     * its aggregate's later events while the others keep flowing.
     */
    @Bean
    public ConfigurerModule meetingTopicProcessors(ConsumingProcessors processors) {
        return processors.readingPublicTopics(ProcessingGroups.ENROLMENT_OUTCOMES, ProcessingGroups.MEETING_DISCLOSURES,
                        ProcessingGroups.MEETING_NOTIFICATIONS, ProcessingGroups.PROGRAMME_OFFERS)
                .batchSize(100)
                .deadLettersInJdbc()
                .module();
    }
}
