package com.mspscorecard.clients;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Clients extends JpaRepository<Client, Long> {

    @Query("select c from Client c where lower(c.name) = lower(?1)")
    Optional<Client> findByNameIgnoringCase(String name);

    Optional<Client> findByExternalRef(String externalRef);
}
