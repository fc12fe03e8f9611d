package dev.bricks.catalog.generation;

import dev.bricks.contracts.Money;
import dev.bricks.contracts.catalog.Product;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generation 0: a believable demo catalogue packaged in the service, generated deterministically
 * (fixed seed), so that a replica without any Kafka still has a whole shop to serve and every
 * replica's generation 0 has the same checksum.
 */
@ApplicationScoped
public class DemoCatalogue {

    private record Category(String name, String prefix, String[] nouns, String[] materials, int minEuros,
            int maxEuros) {
    }

    private static final String[] BRANDS = { "Nordvik", "Aurelia", "Bricklane", "Castello", "Fenwick", "Kobold",
            "Lumen", "Maple & Moss", "Oakhurst", "Pebble", "Quarry", "Rivington", "Solace", "Tamarack", "Vesper" };
    private static final String[] ADJECTIVES = { "Classic", "Compact", "Deluxe", "Everyday", "Heritage", "Modern",
            "Premium", "Rustic", "Slim", "Sturdy", "Travel", "Urban" };
    private static final String[] COLOURS = { "black", "white", "graphite", "sand", "forest green", "navy",
            "terracotta", "oat", "slate blue", "mustard" };

    private static final List<Category> CATEGORIES = List.of(
            new Category("Kitchen", "KIT", new String[] { "Chef's Knife", "Frying Pan", "Saucepan", "Cutting Board",
                    "Coffee Grinder", "Kettle", "Mixing Bowl Set", "Espresso Cup", "Mug", "Salad Spinner" },
                    new String[] { "stainless steel", "cast iron", "walnut", "stoneware", "enamelled steel" }, 6, 180),
            new Category("Garden", "GAR", new String[] { "Pruning Shears", "Watering Can", "Garden Hose", "Planter",
                    "Rake", "Trowel", "Bird Feeder", "Compost Bin", "Lawn Sprinkler", "Kneeling Pad" },
                    new String[] { "galvanised steel", "recycled plastic", "terracotta", "ash wood", "bamboo" },
                    5, 140),
            new Category("Outdoor", "OUT", new String[] { "Tent", "Sleeping Bag", "Headlamp", "Camping Stove",
                    "Backpack", "Water Bottle", "Trekking Poles", "Camp Chair", "Rain Jacket", "Cooler Box" },
                    new String[] { "ripstop nylon", "aluminium", "merino", "recycled polyester", "titanium" }, 9, 420),
            new Category("Electronics", "ELE", new String[] { "Bluetooth Speaker", "Headphones", "USB-C Charger",
                    "Power Bank", "Desk Lamp", "Webcam", "Keyboard", "Wireless Mouse", "Smart Plug", "E-Reader Cover" },
                    new String[] { "anodised aluminium", "ABS", "fabric-wrapped", "silicone", "glass" }, 12, 350),
            new Category("Books", "BOO", new String[] { "Cookbook", "Field Guide", "Atlas", "Novel",
                    "Poetry Collection", "Travel Guide", "Sketchbook", "Notebook", "Planner", "Photo Book" },
                    new String[] { "hardcover", "paperback", "linen-bound", "spiral-bound", "recycled paper" }, 4, 60),
            new Category("Toys", "TOY", new String[] { "Building Blocks", "Puzzle", "Wooden Train", "Plush Bear",
                    "Board Game", "Kite", "Marble Run", "Doll House", "Yo-Yo", "Stacking Rings" },
                    new String[] { "beech wood", "organic cotton", "cardboard", "recycled plastic", "felt" }, 5, 120),
            new Category("Home", "HOM", new String[] { "Throw Blanket", "Cushion Cover", "Table Lamp", "Wall Clock",
                    "Vase", "Candle", "Picture Frame", "Doormat", "Storage Basket", "Mirror" },
                    new String[] { "linen", "wool", "ceramic", "rattan", "brass" }, 7, 200),
            new Category("Sports", "SPO", new String[] { "Yoga Mat", "Running Shoes", "Tennis Racket", "Football",
                    "Skipping Rope", "Dumbbell Set", "Cycling Gloves", "Swim Goggles", "Foam Roller", "Kettlebell" },
                    new String[] { "natural rubber", "carbon fibre", "neoprene", "mesh", "cast iron" }, 8, 260),
            new Category("Beauty", "BEA", new String[] { "Face Cream", "Shampoo", "Hand Soap", "Lip Balm",
                    "Body Lotion", "Hair Brush", "Bath Salts", "Sunscreen", "Shaving Kit", "Perfume" },
                    new String[] { "lavender", "citrus", "unscented", "sandalwood", "aloe vera" }, 3, 90),
            new Category("Office", "OFF", new String[] { "Fountain Pen", "Desk Organiser", "Stapler", "Monitor Stand",
                    "Filing Box", "Whiteboard", "Pencil Case", "Letter Tray", "Desk Mat", "Bookends" },
                    new String[] { "oak", "steel", "felt", "cork", "leather" }, 4, 160));

    /** {@code count} products spread evenly over the ten categories; the same for every call. */
    public List<Product> products(int count) {
        Random random = new Random(20240601L);
        List<Product> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category category = CATEGORIES.get(i % CATEGORIES.size());
            int serial = i / CATEGORIES.size() + 1;
            String noun = category.nouns()[random.nextInt(category.nouns().length)];
            String material = category.materials()[random.nextInt(category.materials().length)];
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            String colour = COLOURS[random.nextInt(COLOURS.length)];
            String name = brand + " " + adjective + " " + noun;
            String description = adjective + " " + noun.toLowerCase() + " in " + material + " (" + colour + ") by "
                    + brand + ". Designed for years of " + category.name().toLowerCase() + " use.";
            int euros = category.minEuros() + random.nextInt(category.maxEuros() - category.minEuros() + 1);
            String[] cents = { "00", "49", "95", "99" };
            BigDecimal amount = new BigDecimal(euros + "." + cents[random.nextInt(cents.length)])
                    .setScale(2, RoundingMode.UNNECESSARY);
            Map<String, String> attributes =
                    new TreeMap<>(Map.of("colour", colour, "material", material, "brand", brand));
            products.add(new Product(String.format("%s-%04d", category.prefix(), serial), name, description,
                    category.name(), new Money(amount, "EUR"), attributes));
        }
        return products;
    }
}
