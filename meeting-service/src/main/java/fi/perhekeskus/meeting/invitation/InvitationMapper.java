package fi.perhekeskus.meeting.invitation;

import org.mapstruct.Mapper;

import java.util.List;

@Mapper
public interface InvitationMapper {

    InvitationController.InvitationSummary toSummary(InvitationProjection.Row row);

    List<InvitationController.InvitationSummary> toSummaries(List<InvitationProjection.Row> rows);
}
