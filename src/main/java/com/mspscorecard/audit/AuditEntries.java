package com.mspscorecard.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    @Query("""
            select e from AuditEntry e
            where (:clientId is null or e.clientId = :clientId)
              and (:actor is null or lower(e.actor) = lower(cast(:actor as string)))
              and (e.occurredAt >= :from)
              and (e.occurredAt < :to)
            order by e.occurredAt desc, e.id desc
            """)
    Page<AuditEntry> search(@Param("clientId") Long clientId, @Param("actor") String actor,
            @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);
}
