#ifndef ESP_CPANGOCAIRO_SHIM_H
#define ESP_CPANGOCAIRO_SHIM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>

/* g_object_unref takes a gpointer; a typed wrapper keeps the Swift side free of casts. */
static inline void esp_object_unref(void *object) { g_object_unref(object); }

/* An unnamed file in `directory` (O_TMPFILE, mode 0600): a process killed while writing leaves nothing behind.
 * -1 with errno set when the file system cannot (the caller then falls back to a named temporary file).
 * O_TMPFILE is a macro Swift does not import. */
static inline int esp_open_unnamed(const char *directory) {
#ifdef O_TMPFILE
    return open(directory, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
    errno = EOPNOTSUPP;
    return -1;
#endif
}

/* Gives the unnamed file of `fd` the name `path`; fails with EEXIST rather than replace a file. */
static inline int esp_link_unnamed(int fd, const char *path) {
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}

/* Cairo's stream callback: writes everything to the file descriptor in `closure`. */
static inline cairo_status_t esp_write_to_fd(void *closure, const unsigned char *data, unsigned int length) {
    int fd = (int)(intptr_t)closure;
    while (length > 0) {
        ssize_t written = write(fd, data, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return CAIRO_STATUS_WRITE_ERROR;
        }
        data += written;
        length -= (unsigned int)written;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* A PDF surface writing to an open file descriptor. */
static inline cairo_surface_t *esp_pdf_surface_for_fd(int fd, double width, double height) {
    return cairo_pdf_surface_create_for_stream(esp_write_to_fd, (void *)(intptr_t)fd, width, height);
}

#endif
