package com.mspscorecard.users;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, Long> {

    @Query("select u from User u where lower(u.username) = lower(:username)")
    Optional<User> findByUsername(String username);

    @Query("select u from User u order by lower(u.displayName)")
    List<User> findAllOrdered();

    /** Serialises first-run setup against itself; released at the end of the transaction. */
    @Modifying
    @NativeQuery("lock table app_user in exclusive mode")
    void lockTable();
}
