package io.tienda.product.category;

import io.tienda.platform.problem.DomainException;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.CategorizedProducts;
import io.tienda.product.category.domain.Category;
import io.tienda.product.category.domain.CategoryDraft;
import io.tienda.product.category.domain.CategoryMembers;
import io.tienda.product.category.domain.CategoryTree;
import io.tienda.product.shared.CatalogProblems;
import io.tienda.product.shared.UnfinishedChanges;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff shaping the category tree. The parent links are the truth; each category's path (its
 * ancestors' slugs) is derived from them and rewritten for the whole tree after a move or a
 * rename, so a crash halfway leaves paths that the next write, or the next start, repairs.
 *
 * <p>Search files each product under its category's branch, slugs and names, copied when the
 * product is indexed. A move or a rename therefore announces every product below the category
 * again; the category's write notes that this is owed, and the note goes only once all are
 * announced, so a crash or a failure halfway is finished by the next replacement of the category
 * or the next start.
 */
@Service
public class CategoryAdmin implements UnfinishedChanges {

    private static final Logger log = LoggerFactory.getLogger(CategoryAdmin.class);
    private static final int SLUG_CANDIDATES = 50;

    private final Categories categories;
    private final CategorizedProducts products;
    private final CategoryMembers members;

    CategoryAdmin(Categories categories, CategorizedProducts products, CategoryMembers members) {
        this.categories = categories;
        this.products = products;
        this.members = members;
    }

    public Category create(CategoryDraft draft) {
        return create(UUID.randomUUID().toString(), draft);
    }

    /** Creates the category under a given id: the demo catalog derives its ids from its slugs. */
    public Category create(String id, CategoryDraft draft) {
        requireValid(draft);
        Category parent = parent(draft.parentId());
        String base = draft.slug() != null ? draft.slug() : Slugs.of(draft.slugSource(), "categoria");
        for (int n = 1; n <= SLUG_CANDIDATES; n++) {
            String slug = Slugs.candidate(base, n);
            if (categories.bySlug(slug).isPresent()) {
                if (draft.slug() != null) {
                    throw CatalogProblems.slugTaken(slug);
                }
                continue;
            }
            Category category = new Category(id, slug, draft.localizedName(), parent == null ? null : parent.id(),
                    pathUnder(parent, slug), draft.sortOrder() == null ? 0 : draft.sortOrder());
            try {
                categories.insert(category);
                return category;
            } catch (DuplicateKeyException e) {
                if (categories.byId(id).isPresent()) {
                    throw CatalogProblems.conflict("category-exists", "The category exists",
                            "A category with id " + id + " already exists");
                }
                if (draft.slug() != null) {
                    throw CatalogProblems.slugTaken(slug);
                }
            }
        }
        throw CatalogProblems.slugTaken(base);
    }

    /** Replaces a category's slug, names, parent and order; a new parent moves its whole subtree. */
    public Category replace(String idOrSlug, CategoryDraft draft) {
        requireValid(draft);
        Category current = find(idOrSlug);
        Category parent = parent(draft.parentId());
        if (parent != null && categories.subtreeIds(current).contains(parent.id())) {
            throw CatalogProblems.conflict("category-cycle", "A category cannot go under itself",
                    "'" + parent.slug() + "' is '" + current.slug() + "' or below it");
        }
        String slug = draft.slug() != null ? draft.slug() : current.slug();
        if (!slug.equals(current.slug()) && categories.bySlug(slug).isPresent()) {
            throw CatalogProblems.slugTaken(slug);
        }
        Category next = new Category(current.id(), slug, draft.localizedName(), parent == null ? null : parent.id(),
                pathUnder(parent, slug), draft.sortOrder() == null ? current.sortOrder() : draft.sortOrder());
        boolean placeOrNameChanged = !next.slug().equals(current.slug()) || !next.name().equals(current.name())
                || !Objects.equals(next.parentId(), current.parentId());
        long note;
        try {
            note = categories.replace(next, placeOrNameChanged);
        } catch (DuplicateKeyException e) {
            throw CatalogProblems.slugTaken(slug);
        }
        if (!next.path().equals(current.path())) {
            repairPaths();
        }
        if (note > 0) {
            // also when this replacement changed nothing: it finishes what a failed one left noted
            announceProducts(next.id(), note);
        }
        return next;
    }

    /**
     * A move interrupted by a crash left some paths behind, and perhaps products not yet announced
     * again: the paths are derived again and the products announced.
     */
    @Override
    public void finish() {
        repairPaths();
        announceNotedProducts();
    }

    /**
     * Announces the products below every category whose move or rename has not had them all announced
     * yet (a crash or a failure came first); answers how many products.
     */
    public int announceNotedProducts() {
        int announced = 0;
        for (Map.Entry<String, Long> noted : categories.withProductsToAnnounce().entrySet()) {
            announced += announceProducts(noted.getKey(), noted.getValue());
        }
        return announced;
    }

    private int announceProducts(String categoryId, long note) {
        // the subtree as it is now: a category moved out meanwhile is announced by its own move
        int announced = categories.byId(categoryId)
                .map(category -> members.reannounce(categories.subtreeIds(category))).orElse(0);
        categories.announced(categoryId, note);
        if (announced > 0) {
            log.info("announced the {} products below category {} again", announced, categoryId);
        }
        return announced;
    }

    /** Deletes a leaf category without products; anything else would orphan something. */
    public void delete(String idOrSlug) {
        Category current = find(idOrSlug);
        if (categories.subtreeIds(current).size() > 1) {
            throw CatalogProblems.conflict("category-has-children", "The category has subcategories",
                    "Move or delete the subcategories of '" + current.slug() + "' first");
        }
        if (products.anyInCategories(List.of(current.id()))) {
            throw CatalogProblems.conflict("category-has-products", "The category has products",
                    "Move or delete the products of '" + current.slug() + "' first");
        }
        categories.delete(current.id());
    }

    public Category find(String idOrSlug) {
        return categories.byId(idOrSlug).or(() -> categories.bySlug(idOrSlug))
                .orElseThrow(() -> DomainException.notFound("category", idOrSlug));
    }

    /** Rewrites every path that differs from what the parent links say; answers how many. */
    public int repairPaths() {
        List<Category> all = categories.all();
        Map<String, String> paths = CategoryTree.paths(all);
        int repaired = 0;
        for (Category category : all) {
            String path = paths.get(category.id());
            if (!path.equals(category.path())) {
                categories.setPath(category.id(), path);
                repaired++;
            }
        }
        if (repaired > 0) {
            log.info("rewrote the path of {} categories", repaired);
        }
        return repaired;
    }

    private Category parent(String idOrSlug) {
        if (idOrSlug == null) {
            return null;
        }
        Optional<Category> parent = categories.byId(idOrSlug).or(() -> categories.bySlug(idOrSlug));
        return parent.orElseThrow(() -> new DomainException(422, URI.create("https://tienda.io/problems/unknown-parent"),
                "The parent category does not exist", "No category has the id or slug '" + idOrSlug + "'",
                Map.of("field", "parentId")));
    }

    private static String pathUnder(Category parent, String slug) {
        return (parent == null ? "" : parent.path()) + "/" + slug;
    }

    private static void requireValid(CategoryDraft draft) {
        List<FieldError> errors = draft.problems();
        if (!errors.isEmpty()) {
            throw CatalogProblems.invalid(errors);
        }
    }
}
