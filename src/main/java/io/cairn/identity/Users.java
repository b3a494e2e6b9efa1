package io.cairn.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Stored users. */
interface Users extends ListCrudRepository<User, UUID> {

    @Query("select * from app_user where lower(username) = lower(:username)")
    Optional<User> findByUsername(String username);

    @Query("select * from app_user order by lower(username)")
    List<User> findAllByName();
}
