package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Mapper
public interface ProgrammeMapper {

    @Mapping(target = "targetAgeFromMonths", source = "request.targetAgeMonths.from")
    @Mapping(target = "targetAgeToMonths", source = "request.targetAgeMonths.to")
    ScheduleProgramme toCommand(ProgrammeRequests.Schedule request, UUID programmeId,
                                                  String requestedBy, Instant requestedAt);

    @Mapping(target = "sessionId", expression = "java(java.util.UUID.randomUUID())")
    ProgrammeScheduled.Session toSession(ProgrammeRequests.Session session);

    List<GroupSessionHeld.Attendance> toAttendance(List<ProgrammeRequests.Family> families);

    default Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
