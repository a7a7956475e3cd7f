package io.pra.kit.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The kit maps no entity (its SQL is native), but Quarkus starts Hibernate ORM, and so the EntityManager the kit
 * writes with, only where the application has one; every service does, and so does this test application.
 */
@Entity
@Table(name = "processed_event")
public class UnusedEntity {

    @Id
    public java.util.UUID eventId;
}
