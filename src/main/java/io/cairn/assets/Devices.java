package io.cairn.assets;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Stored devices. */
interface Devices extends ListCrudRepository<Device, UUID> {

    @Query("select * from device where lower(identifier) = lower(:identifier)")
    Optional<Device> findByIdentifier(String identifier);

    @Query("select * from device where holder_id = :holderId and not retired order by name")
    List<Device> findHeldBy(UUID holderId);

    @Query("select * from device order by retired, lower(name)")
    List<Device> findAllByName();
}
