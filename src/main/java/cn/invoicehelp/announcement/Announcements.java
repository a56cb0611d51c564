package cn.invoicehelp.announcement;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface Announcements extends JpaRepository<Announcement, Long> {

    /** In force now or scheduled later, newest first. */
    @Query("select a from Announcement a where a.endedAt is null"
            + " and (a.endsAt is null or a.endsAt > :now) order by a.startsAt desc, a.id desc")
    List<Announcement> notEndedAt(Instant now);

    /** Candidates whose start or end may still have to be pushed. */
    @Query("select a from Announcement a where (a.announcedAt is null and a.startsAt <= :now and a.endedAt is null)"
            + " or (a.announcedAt is not null and a.endAnnouncedAt is null)")
    List<Announcement> pushCandidates(Instant now);

    List<Announcement> findTop200ByOrderByStartsAtDescIdDesc();

    Optional<Announcement> findByIncidentIdAndKind(Long incidentId, AnnouncementKind kind);
}
