package io.tienda.user.account.persistence;

import io.tienda.user.account.domain.Address;
import io.tienda.user.account.domain.AddressType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.tienda.user.account.persistence.UserRepository.instant;
import static io.tienda.user.account.persistence.UserRepository.utc;

/** The address book. The partial unique index {@code addresses_one_default_per_type} guards the default. */
@Repository
public class AddressRepository {

    private final JdbcClient jdbc;

    AddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Address> findByUser(UUID userId) {
        return jdbc.sql("select * from addresses where user_id = :user order by created_at, id")
                .param("user", userId)
                .query(AddressRepository::address)
                .list();
    }

    public Optional<Address> find(UUID userId, UUID id) {
        return jdbc.sql("select * from addresses where user_id = :user and id = :id")
                .param("user", userId).param("id", id)
                .query(AddressRepository::address)
                .optional();
    }

    public int count(UUID userId) {
        return jdbc.sql("select count(*) from addresses where user_id = :user").param("user", userId)
                .query(Integer.class).single();
    }

    public boolean hasDefault(UUID userId, AddressType type) {
        return jdbc.sql("select exists(select 1 from addresses where user_id = :user and type = :type and is_default)")
                .param("user", userId).param("type", type.name())
                .query(Boolean.class).single();
    }

    /** Makes room for a new default of {@code type}, except {@code keep}. */
    public void clearDefault(UUID userId, AddressType type, UUID keep) {
        jdbc.sql("""
                        update addresses set is_default = false
                         where user_id = :user and type = :type and is_default and id <> :keep""")
                .param("user", userId).param("type", type.name()).param("keep", keep)
                .update();
    }

    public void insert(Address address) {
        jdbc.sql("""
                        insert into addresses (id, user_id, type, name, line1, line2, city, region, postal_code,
                                               country, phone, is_default, created_at, updated_at)
                        values (:id, :user, :type, :name, :line1, :line2, :city, :region, :postalCode, :country,
                                :phone, :isDefault, :createdAt, :updatedAt)""")
                .params(params(address))
                .update();
    }

    public void update(Address address) {
        jdbc.sql("""
                        update addresses set type = :type, name = :name, line1 = :line1, line2 = :line2, city = :city,
                                             region = :region, postal_code = :postalCode, country = :country,
                                             phone = :phone, is_default = :isDefault, updated_at = :updatedAt
                         where id = :id and user_id = :user""")
                .params(params(address))
                .update();
    }

    public boolean delete(UUID userId, UUID id) {
        return jdbc.sql("delete from addresses where user_id = :user and id = :id")
                .param("user", userId).param("id", id)
                .update() > 0;
    }

    public void deleteAll(UUID userId) {
        jdbc.sql("delete from addresses where user_id = :user").param("user", userId).update();
    }

    private static Map<String, Object> params(Address a) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", a.id());
        params.put("user", a.userId());
        params.put("type", a.type().name());
        params.put("name", a.name());
        params.put("line1", a.line1());
        params.put("line2", a.line2());
        params.put("city", a.city());
        params.put("region", a.region());
        params.put("postalCode", a.postalCode());
        params.put("country", a.country());
        params.put("phone", a.phone());
        params.put("isDefault", a.isDefault());
        params.put("createdAt", utc(a.createdAt()));
        params.put("updatedAt", utc(a.updatedAt()));
        return params;
    }

    private static Address address(ResultSet rs, int row) throws SQLException {
        Instant created = instant(rs, "created_at");
        return new Address(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                AddressType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("line1"),
                rs.getString("line2"), rs.getString("city"), rs.getString("region"), rs.getString("postal_code"),
                rs.getString("country"), rs.getString("phone"), rs.getBoolean("is_default"), created,
                instant(rs, "updated_at"));
    }
}
