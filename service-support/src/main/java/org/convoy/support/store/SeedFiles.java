package org.convoy.support.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sample data shipped in a service's {@code seed/} folder: read from JSON and stored where it is missing, so what
 * organizers changed is left alone and several instances may load it at once.
 */
public final class SeedFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedFiles() {
    }

    public static <T> List<T> read(String classpathLocation, Class<T[]> type) {
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            return List.of(JSON.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inserts each entry that does not exist yet; one that another instance inserted at the same moment is no error.
     *
     * @return the entries this call inserted
     */
    public static <T> List<T> insertMissing(List<T> entries, Predicate<T> exists, Consumer<T> insert) {
        return entries.stream().filter(entry -> !exists.test(entry)).filter(entry -> {
            try {
                insert.accept(entry);
                return true;
            } catch (DuplicateKeyException insertedMeanwhile) {
                return false;
            }
        }).toList();
    }
}
