package com.mspscorecard.scoring;

import java.util.List;

import org.springframework.stereotype.Component;

/** Stands in while no module supplies poll results: no poll has closed, so the staff vote rule has no data. */
@Component
public class NoStaffVotes implements StaffVoteShares {

    @Override
    public List<ClosedPollShares> closedPolls() {
        return List.of();
    }
}
