package io.cairn.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Stored business units. */
interface BusinessUnits extends ListCrudRepository<BusinessUnit, UUID> {

    @Query("select * from business_unit where lower(name) = lower(:name)")
    Optional<BusinessUnit> findByName(String name);

    @Query("select * from business_unit order by lower(name)")
    List<BusinessUnit> findAllByName();
}
