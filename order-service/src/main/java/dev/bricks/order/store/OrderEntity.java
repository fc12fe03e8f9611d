package dev.bricks.order.store;

import dev.bricks.contracts.order.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stored order. Rows are created only by {@link OrderStore#storeOnce}; staff change only the status. */
@Entity
@Table(name = "orders")
public class OrderEntity extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "cart_id")
    public String cartId;

    @Column(name = "customer_id")
    public UUID customerId;

    public String email;

    public BigDecimal total;

    public String currency;

    @Column(name = "catalog_generation")
    public long catalogGeneration;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "status_changed_by")
    public String statusChangedBy;

    @OneToMany(mappedBy = "order")
    @OrderBy("key.lineNo")
    public List<OrderLineEntity> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order")
    @OrderBy("id")
    public List<StatusChangeEntity> history = new ArrayList<>();
}
