package io.cairn.handling.procedures;

import io.cairn.incidents.Category;
import org.jspecify.annotations.Nullable;

/**
 * The incidents a playbook or routing rule is for: an RSIT class, and maybe one of its types; without a type, every
 * type of the class.
 */
public record CategoryMatch(String rsitClass, @Nullable String rsitType) {

    public CategoryMatch {
        rsitClass = rsitClass == null ? "" : rsitClass.trim();
        rsitType = rsitType == null || rsitType.isBlank() ? null : rsitType.trim();
    }

    /** Reads {@code class/type} or {@code class}. */
    public static CategoryMatch parse(String text) {
        String[] parts = text.trim().split("/", 2);
        return new CategoryMatch(parts[0], parts.length > 1 ? parts[1] : null);
    }

    boolean matches(Category category) {
        return rsitClass.equals(category.rsitClass()) && (rsitType == null || rsitType.equals(category.rsitType()));
    }

    boolean overlaps(CategoryMatch other) {
        return rsitClass.equals(other.rsitClass)
                && (rsitType == null || other.rsitType == null || rsitType.equals(other.rsitType));
    }

    @Override
    public String toString() {
        return rsitType == null ? rsitClass : rsitClass + "/" + rsitType;
    }
}
