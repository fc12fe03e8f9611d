package dev.bricks.catalog.store;

import dev.bricks.contracts.catalog.CategoryCount;
import dev.bricks.contracts.catalog.Product;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This replica's embedded H2: one table per generation ({@code products_g<N>}) and one per upload
 * being staged ({@code staging_<upload>}). A staged upload becomes a generation by a rename, and an
 * old generation goes away with a single DROP, so switching and cleaning never touch the rows the
 * shoppers are reading. Plain JDBC batches rather than Panache: the store is bulk-written once and
 * then only read, by table name.
 */
@ApplicationScoped
public class ProductStore {

    private final AgroalDataSource dataSource;

    public ProductStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String stagingTable(String uploadId) {
        return "staging_" + uploadId.replaceAll("[^A-Za-z0-9]", "");
    }

    public static String generationTable(long generation) {
        return "products_g" + generation;
    }

    public void createStaging(String table) {
        execute("CREATE TABLE " + table + " (sku VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                + " category VARCHAR(100) NOT NULL, amount DECIMAL(16,4) NOT NULL, search VARCHAR(4300) NOT NULL,"
                + " body VARCHAR(1000000) NOT NULL)");
    }

    /** Inserts products (with their canonical JSON) as one JDBC batch. */
    public void insert(String table, List<Product> products, List<byte[]> canonical) {
        String sql = "INSERT INTO " + table + " (sku, name, category, amount, search, body) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            // one commit per chunk instead of one per row
            connection.setAutoCommit(false);
            for (int i = 0; i < products.size(); i++) {
                Product product = products.get(i);
                insert.setString(1, product.sku());
                insert.setString(2, product.name());
                insert.setString(3, product.category());
                insert.setBigDecimal(4, product.price().amount());
                insert.setString(5, (product.name() + " " + product.description()).toLowerCase(Locale.ROOT));
                insert.setString(6, new String(canonical.get(i), java.nio.charset.StandardCharsets.UTF_8));
                insert.addBatch();
            }
            try {
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot stage products into " + table, e);
        }
    }

    /** Turns a verified staging table into the table of a generation and indexes it for browsing. */
    public void promote(String stagingTable, long generation) {
        String table = generationTable(generation);
        execute("DROP TABLE IF EXISTS " + table);
        execute("ALTER TABLE " + stagingTable + " RENAME TO " + table);
        execute("CREATE INDEX " + table + "_category ON " + table + " (category, name)");
        execute("CREATE INDEX " + table + "_name ON " + table + " (name)");
        execute("CREATE INDEX " + table + "_amount ON " + table + " (amount)");
    }

    public void drop(String table) {
        execute("DROP TABLE IF EXISTS " + table);
    }

    /** Drops every table: the generations of an earlier run of a file-mode H2. */
    public void dropAll() {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the tables", e);
        }
        tables.forEach(table -> drop('"' + table + '"'));
    }

    public Optional<String> productJson(long generation, String sku) {
        String sql = "SELECT body FROM " + generationTable(generation) + " WHERE sku = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, sku);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read product " + sku + " of generation " + generation, e);
        }
    }

    public SearchResult search(long generation, ProductFilter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        for (String word : filter.words()) {
            where.append(" AND search LIKE ? ESCAPE '\\'");
            parameters.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.category() != null) {
            where.append(" AND category = ?");
            parameters.add(filter.category());
        }
        if (filter.minPrice() != null) {
            where.append(" AND amount >= ?");
            parameters.add(filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" AND amount <= ?");
            parameters.add(filter.maxPrice());
        }
        String table = generationTable(generation);
        String order = switch (filter.sort()) {
            case NAME -> " ORDER BY name, sku";
            case NAME_DESC -> " ORDER BY name DESC, sku DESC";
            case PRICE -> " ORDER BY amount, name, sku";
            case PRICE_DESC -> " ORDER BY amount DESC, name, sku";
        };
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM " + table + where, parameters);
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<String> bodies = new ArrayList<>();
            if (offset < total) {
                List<Object> pageParameters = new ArrayList<>(parameters);
                pageParameters.add(limit);
                pageParameters.add(offset);
                try (PreparedStatement page = prepare(connection,
                        "SELECT body FROM " + table + where + order + " LIMIT ? OFFSET ?", pageParameters);
                        ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        bodies.add(rows.getString(1));
                    }
                }
            }
            return new SearchResult(total, bodies);
        } catch (SQLException e) {
            throw new StoreException("cannot search generation " + generation, e);
        }
    }

    public List<CategoryCount> categories(long generation) {
        String sql = "SELECT category, COUNT(*) FROM " + generationTable(generation)
                + " GROUP BY category ORDER BY category";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<CategoryCount> categories = new ArrayList<>();
            while (rows.next()) {
                categories.add(new CategoryCount(rows.getString(1), rows.getLong(2)));
            }
            return categories;
        } catch (SQLException e) {
            throw new StoreException("cannot count categories of generation " + generation, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("H2 statement failed: " + sql, e);
        }
    }

    /** Bodies of one page and the number of matches. */
    public record SearchResult(long total, List<String> bodies) {
    }

    public static class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
