package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.search.domain.CategoryLevel;
import io.tienda.product.search.domain.CategoryLineage;
import io.tienda.product.shared.domain.LocalizedText;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A small bilingual shop: coffee, tea, footwear, clothes, audio, kitchen, toys and books, with a
 * category tree three levels deep. Products are built from JSON like the stored ones, so the
 * fixture keeps compiling as the catalog's model grows.
 */
final class SearchFixture implements CatalogReader, CategoryLineage {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, CategoryLevel> categories = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, Product> products = new LinkedHashMap<>();
    private int created;

    SearchFixture() {
        category("alimentacion", null, "Alimentación", "Food");
        category("cafe", "alimentacion", "Café", "Coffee");
        category("cafe-molido", "cafe", "Café molido", "Ground coffee");
        category("cafe-en-grano", "cafe", "Café en grano", "Coffee beans");
        category("te", "alimentacion", "Té", "Tea");
        category("calzado", null, "Calzado", "Footwear");
        category("zapatillas", "calzado", "Zapatillas", "Trainers");
        category("zapatillas-running", "zapatillas", "Running", "Running");
        category("botas", "calzado", "Botas", "Boots");
        category("moda", null, "Moda", "Fashion");
        category("camisetas", "moda", "Camisetas", "T-shirts");
        category("electronica", null, "Electrónica", "Electronics");
        category("audio", "electronica", "Audio", "Audio");
        category("auriculares", "audio", "Auriculares", "Headphones");
        category("juguetes", null, "Juguetes", "Toys");
        category("hogar", null, "Hogar", "Home");
        category("cocina", "hogar", "Cocina", "Kitchen");
        category("libros", null, "Libros", "Books");

        product("cafe-molido-colombia", "Café molido de Colombia 250 g", "Colombian ground coffee 250 g",
                "Tueste natural, notas de caramelo.", "Medium roast with caramel notes.",
                "cafe-molido", "la-estrella", "Cafés La Estrella", 690, 4.6, 120, 10);
        product("cafe-molido-descafeinado", "Café molido descafeinado", "Decaf ground coffee",
                "Descafeinado al agua, sin disolventes.", "Water-process decaf.",
                "cafe-molido", "la-estrella", "Cafés La Estrella", 750, 4.1, 40, 5);
        product("cafe-grano-etiopia", "Café en grano Etiopía Yirgacheffe 1 kg", "Ethiopia Yirgacheffe coffee beans 1 kg",
                "Café de especialidad, floral y cítrico.", "Floral and citrus specialty coffee.",
                "cafe-en-grano", "tostadores-sur", "Tostadores del Sur", 2490, 4.8, 65, 3);
        product("cafe-grano-brasil", "Café en grano Brasil", "Brazil coffee beans",
                "Cuerpo intenso y notas de chocolate.", "Full body with chocolate notes.",
                "cafe-en-grano", "tostadores-sur", "Tostadores del Sur", 1890, 3.9, 12, 0);
        product("cafe-capsulas", "Cápsulas de café intenso (20 uds.)", "Intense coffee capsules (20 pcs)",
                "Compatibles con las cafeteras más comunes.", "Fit the most common machines.",
                "cafe", "la-estrella", "Cafés La Estrella", 590, 4.2, 400, 50);
        product("te-verde-matcha", "Té verde matcha ecológico", "Organic matcha green tea",
                "Matcha de Japón para preparar en casa.", "Japanese matcha to whisk at home.",
                "te", "hoja-verde", "Hoja Verde", 1290, 4.4, 22, 8);
        product("te-negro-earl-grey", "Té negro Earl Grey", "Earl Grey black tea",
                "Con aceite de bergamota.", "With bergamot oil.",
                "te", "hoja-verde", "Hoja Verde", 490, 4.0, 10, 8);
        product("chocolate-negro", "Chocolate negro 85 %", "85% dark chocolate",
                "Cacao de origen único.", "Single-origin cocoa.",
                "alimentacion", "cacao-real", "Cacao Real", 290, 4.6, 90, 30);
        product("aceite-oliva", "Aceite de oliva virgen extra 1 L", "Extra virgin olive oil 1 L",
                "Primera prensada en frío.", "First cold pressing.",
                "alimentacion", "olivar", "Olivar", 1190, 4.8, 500, 30);
        product("galletas-avena", "Galletas de avena", "Oat cookies",
                "Con copos de avena integral.", "With wholegrain oat flakes.",
                "alimentacion", "cacao-real", "Cacao Real", 250, 3.9, 14, 0);

        product("zapatillas-running-air", "Zapatillas de running Air Zoom", "Air Zoom running shoes",
                "Amortiguación reactiva para entrenar a diario.", "Responsive cushioning for daily training.",
                "zapatillas-running", "velox", "Velox", 8990, 4.7, 310, 12);
        product("zapatillas-trail", "Zapatillas de trail montaña", "Mountain trail running shoes",
                "Suela con tacos para terreno técnico.", "Lugged outsole for technical terrain.",
                "zapatillas-running", "velox", "Velox", 10990, 4.5, 80, 4);
        product("zapatillas-running-mujer", "Zapatillas running mujer Cloud", "Women's Cloud running shoes",
                "Ligeras y transpirables.", "Light and breathable.",
                "zapatillas-running", "velox", "Velox", 11990, 4.6, 75, 0);
        product("zapatillas-casual", "Zapatillas casual blancas", "White casual sneakers",
                "Piel sintética, fáciles de limpiar.", "Synthetic leather, easy to clean.",
                "zapatillas", "urbana", "Urbana", 4990, 4.0, 50, 20);
        product("zapatilla-infantil", "Zapatilla infantil con velcro", "Kids' hook-and-loop sneaker",
                "Cierre fácil para los más pequeños.", "Easy fastening for little ones.",
                "zapatillas", "urbana", "Urbana", 2990, 4.3, 15, 0);
        product("botas-montana", "Botas de montaña impermeables", "Waterproof hiking boots",
                "Membrana transpirable y suela de goma.", "Breathable membrane and rubber sole.",
                "botas", "cumbre", "Cumbre", 12990, 4.6, 90, 6);
        product("botas-agua", "Botas de agua", "Rain boots",
                "Caucho natural.", "Natural rubber.",
                "botas", "cumbre", "Cumbre", 2490, 3.5, 8, 6);

        product("camiseta-algodon", "Camiseta básica de algodón", "Basic cotton T-shirt",
                "Algodón orgánico, corte recto.", "Organic cotton, regular fit.",
                "camisetas", "urbana", "Urbana", 1290, 4.1, 200, 40);
        product("camisetas-termicas", "Pack de 3 camisetas térmicas", "3-pack thermal T-shirts",
                "Para las capas de invierno.", "For winter layering.",
                "camisetas", "cumbre", "Cumbre", 3490, 4.4, 35, 10);
        product("camiseta-tecnica", "Camiseta técnica de running", "Running technical T-shirt",
                "Tejido que evacúa el sudor.", "Sweat-wicking fabric.",
                "camisetas", "velox", "Velox", 2490, 4.3, 60, 10);
        product("sudadera-capucha", "Sudadera con capucha", "Hooded sweatshirt",
                "Felpa perchada.", "Brushed fleece.",
                "moda", "urbana", "Urbana", 3990, 4.0, 25, 10);
        product("gorra-running", "Gorra de running transpirable", "Breathable running cap",
                "Visera curva y cierre ajustable.", "Curved peak and adjustable strap.",
                "moda", "velox", "Velox", 1590, 4.1, 22, 10);
        product("calcetines-running", "Calcetines técnicos de running", "Technical running socks",
                "Refuerzo en talón y puntera.", "Reinforced heel and toe.",
                "moda", "velox", "Velox", 1290, 4.2, 40, 10);
        product("chaqueta-impermeable", "Chaqueta impermeable", "Waterproof jacket",
                "Costuras selladas.", "Taped seams.",
                "moda", "cumbre", "Cumbre", 7990, 4.4, 48, 10);
        product("mochila-urbana", "Mochila urbana impermeable", "Waterproof urban backpack",
                "Con bolsillo lateral para el termo o la botella.", "Side pocket for your flask or bottle.",
                "moda", "urbana", "Urbana", 3990, 4.2, 60, 10);

        product("auriculares-inalambricos-pro", "Auriculares inalámbricos con cancelación de ruido",
                "Noise cancelling wireless headphones",
                "Hasta 30 horas de batería.", "Up to 30 hours of battery.",
                "auriculares", "sonora", "Sonora", 19990, 4.7, 540, 25);
        product("auriculares-inalambricos-sport", "Auriculares inalámbricos deportivos", "Wireless sports earbuds",
                "Resistentes al sudor.", "Sweat resistant.",
                "auriculares", "sonora", "Sonora", 5990, 4.2, 130, 25);
        product("auriculares-cable", "Auriculares con cable y micrófono", "Wired headphones with microphone",
                "Conector jack de 3,5 mm.", "3.5 mm jack.",
                "auriculares", "audiofy", "Audiofy", 1990, 3.8, 45, 25);
        product("auriculares-diadema", "Auriculares de diadema para estudio", "Studio over-ear headphone",
                "Respuesta plana para mezclar.", "Flat response for mixing.",
                "auriculares", "audiofy", "Audiofy", 8990, 4.6, 75, 0);
        product("altavoz-bluetooth", "Altavoz Bluetooth portátil", "Portable Bluetooth speaker",
                "Resistente al agua.", "Water resistant.",
                "audio", "sonora", "Sonora", 4990, 4.4, 210, 25);
        product("cargador-usb-c", "Cargador USB-C 65 W", "65 W USB-C charger",
                "Carga rápida para portátiles.", "Fast charging for laptops.",
                "electronica", "voltia", "Voltia", 2990, 4.5, 95, 25);
        product("cable-usb-c", "Cable USB-C 2 m", "USB-C cable, 2 m",
                "Trenzado y resistente.", "Braided and tough.",
                "electronica", "voltia", "Voltia", 990, 4.3, 300, 25);
        product("reloj-deportivo", "Reloj deportivo con GPS", "GPS sports watch",
                "Mide el ritmo y el pulso cuando sales a correr.", "Tracks your running pace and heart rate.",
                "electronica", "velox", "Velox", 14990, 4.5, 150, 25);

        product("camion-juguete", "Camión de juguete con luces", "Toy truck with lights",
                "Funciona con pilas.", "Battery operated.",
                "juguetes", "pequenin", "Pequeñín", 1990, 4.6, 40, 9);
        product("camion-bomberos", "Camión de bomberos teledirigido", "Remote control fire truck",
                "Con escalera extensible.", "With an extending ladder.",
                "juguetes", "pequenin", "Pequeñín", 3990, 4.3, 28, 9);

        product("cafetera-italiana", "Cafetera italiana de aluminio 6 tazas", "Aluminium stovetop coffee maker, 6 cups",
                "Para todo tipo de cocinas salvo inducción.", "For every hob except induction.",
                "cocina", "moka-casa", "Moka Casa", 2990, 4.5, 200, 15);
        product("cafetera-express", "Cafetera express automática", "Automatic espresso machine",
                "Molinillo integrado y vaporizador.", "Built-in grinder and steam wand.",
                "cocina", "moka-casa", "Moka Casa", 24990, 4.6, 45, 3);
        product("molinillo-cafe", "Molinillo de café manual", "Manual coffee grinder",
                "Muelas cerámicas ajustables.", "Adjustable ceramic burrs.",
                "cocina", "moka-casa", "Moka Casa", 3490, 4.2, 30, 15);
        product("taza-ceramica", "Taza de cerámica para café", "Ceramic coffee mug",
                "Apta para lavavajillas.", "Dishwasher safe.",
                "cocina", "casa-nordica", "Casa Nórdica", 890, 4.0, 70, 15);
        product("termo-acero", "Termo de acero inoxidable 500 ml", "Stainless steel vacuum flask 500 ml",
                "Mantiene el calor doce horas.", "Keeps drinks hot for twelve hours.",
                "cocina", "casa-nordica", "Casa Nórdica", 1990, 4.5, 85, 15);
        product("hervidor-electrico", "Hervidor eléctrico 1,7 L", "1.7 L electric kettle",
                "Ideal para té y café de filtro.", "Ideal for tea and pour-over coffee.",
                "cocina", "casa-nordica", "Casa Nórdica", 2990, 4.3, 100, 15);
        product("sarten-antiadherente", "Sartén antiadherente 28 cm", "28 cm non-stick frying pan",
                "Apta para inducción.", "Induction ready.",
                "cocina", "cocina-viva", "Cocina Viva", 2490, 4.4, 160, 15);
        product("cuchillo-chef", "Cuchillo de chef de acero inoxidable", "Stainless steel chef's knife",
                "Hoja forjada de 20 cm.", "Forged 20 cm blade.",
                "cocina", "cocina-viva", "Cocina Viva", 3990, 4.7, 88, 15);
        product("olla-presion", "Olla a presión 6 litros", "6-litre pressure cooker",
                "Cierre de seguridad.", "Safety lock.",
                "cocina", "cocina-viva", "Cocina Viva", 5990, 4.5, 70, 15);

        product("libro-cocina-espanola", "Libro de cocina española", "Spanish cookbook",
                "Cien recetas de toda España.", "A hundred recipes from all over Spain.",
                "libros", "editorial-sol", "Editorial Sol", 2490, 4.8, 33, 20);
        product("libro-cafe", "El libro del café: historia y recetas", "The coffee book: history and recipes",
                "Del grano a la taza.", "From bean to cup.",
                "libros", "editorial-sol", "Editorial Sol", 1990, 4.5, 20, 20);
        product("novela-misterio", "Novela de misterio: La casa del lago", "Mystery novel: The lake house",
                "Un clásico del suspense.", "A suspense classic.",
                "libros", "editorial-sol", "Editorial Sol", 1790, 4.1, 150, 20);
        product("guia-running", "Guía de running para principiantes", "Running guide for beginners",
                "De cero a cinco kilómetros.", "From zero to five kilometres.",
                "libros", "editorial-sol", "Editorial Sol", 1490, 4.0, 12, 20);

        Map<String, Object> retired = productJson("auriculares-antiguos", "Auriculares inalámbricos antiguos",
                "Old wireless headphones", "Descatalogados.", "Discontinued.", "auriculares", "sonora", "Sonora",
                990, 0, 0, 5);
        retired.put("active", false);
        add(retired);
    }

    private void category(String slug, String parent, String es, String en) {
        categories.put(slug, new CategoryLevel("cat-" + slug, slug, LocalizedText.of(es, en)));
        parents.put(slug, parent);
    }

    private void product(String slug, String es, String en, String descriptionEs, String descriptionEn,
            String category, String brandSlug, String brandName, long cents, double rating, int reviews,
            int available) {
        add(productJson(slug, es, en, descriptionEs, descriptionEn, category, brandSlug, brandName, cents, rating,
                reviews, available));
    }

    /** Two variants (sizes M and L, colours by position), each with the given stock, version 1. */
    private Map<String, Object> productJson(String slug, String es, String en, String descriptionEs,
            String descriptionEn, String category, String brandSlug, String brandName, long cents, double rating,
            int reviews, int available) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "p-" + slug);
        json.put("slug", slug);
        json.put("name", Map.of("es", es, "en", en));
        json.put("description", Map.of("es", descriptionEs, "en", descriptionEn));
        json.put("categoryId", "cat-" + category);
        json.put("brand", Map.of("id", "b-" + brandSlug, "slug", brandSlug, "name", brandName));
        json.put("price", money(cents));
        json.put("images", List.of(Map.of("url", "https://img.example/" + slug + ".jpg")));
        List<Map<String, Object>> variants = new ArrayList<>();
        variants.add(variant(slug.toUpperCase() + "-M", Map.of("size", "M", "color", "Blue"), available));
        variants.add(variant(slug.toUpperCase() + "-L", Map.of("size", "L", "color", "Red"), 0));
        json.put("variants", variants);
        json.put("active", true);
        json.put("featured", slug.contains("running"));
        json.put("rating", Map.of("average", reviews == 0 ? 0 : rating, "count", reviews));
        json.put("createdAt", T0.plusSeconds(3600L * created++).toString());
        json.put("updatedAt", T0.toString());
        json.put("version", 1);
        return json;
    }

    private static Map<String, Object> variant(String sku, Map<String, String> attributes, int available) {
        return new LinkedHashMap<>(Map.of("sku", sku, "attributes", attributes,
                "stock", Map.of("available", available, "version", 1)));
    }

    private static Map<String, Object> money(long cents) {
        return Map.of("amount", cents, "currency", "EUR");
    }

    void add(Map<String, Object> json) {
        Product product = JSON.convertValue(json, Product.class);
        products.put(product.id(), product);
    }

    void remove(String id) {
        products.remove(id);
    }

    Product get(String slug) {
        return products.get("p-" + slug);
    }

    int activeCount() {
        return (int) products.values().stream().filter(Product::active).count();
    }

    @Override
    public Optional<Product> byId(String id) {
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public List<Product> byIds(Collection<String> ids) {
        return ids.stream().map(products::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<Product> bySkus(Collection<String> skus) {
        return products.values().stream().filter(p -> p.skus().stream().anyMatch(skus::contains)).toList();
    }

    @Override
    public void forEach(Consumer<Product> action) {
        products.values().forEach(action);
    }

    @Override
    public List<CategoryLevel> of(String categoryId) {
        String slug = categoryId.substring("cat-".length());
        List<CategoryLevel> branch = new ArrayList<>();
        for (String at = slug; at != null; at = parents.get(at)) {
            branch.add(0, categories.get(at));
        }
        return branch;
    }
}
