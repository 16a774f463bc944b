#ifndef ESP_CPANGOCAIRO_SHIM_H
#define ESP_CPANGOCAIRO_SHIM_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>

/* g_object_unref takes a gpointer; a typed wrapper keeps the Swift side free of casts. */
static inline void esp_object_unref(void *object) { g_object_unref(object); }
static inline void esp_object_ref(void *object) { g_object_ref(object); }

/* A write buffer for a PDF going to a file descriptor: cairo hands its output over in pieces of a few bytes,
 * and a system call per piece cost a thousand writes per sheet. */
typedef struct {
    int fd;
    int failed;
    size_t used;
    unsigned char data[1 << 16];
} esp_fd_buffer;

static inline int esp_fd_buffer_flush(esp_fd_buffer *buffer) {
    size_t done = 0;
    while (!buffer->failed && done < buffer->used) {
        ssize_t written = write(buffer->fd, buffer->data + done, buffer->used - done);
        if (written < 0) {
            if (errno == EINTR) continue;
            buffer->failed = errno;
            break;
        }
        done += (size_t)written;
    }
    buffer->used = 0;
    return buffer->failed ? -1 : 0;
}

static inline cairo_status_t esp_write_buffered(void *closure, const unsigned char *data, unsigned int length) {
    esp_fd_buffer *buffer = closure;
    while (length > 0) {
        if (buffer->used == sizeof buffer->data && esp_fd_buffer_flush(buffer) != 0) return CAIRO_STATUS_WRITE_ERROR;
        size_t room = sizeof buffer->data - buffer->used;
        size_t part = length < room ? length : room;
        memcpy(buffer->data + buffer->used, data, part);
        buffer->used += part;
        data += part;
        length -= (unsigned int)part;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* A PDF surface writing through `buffer` (made with calloc, its fd set) to a file descriptor. */
static inline cairo_surface_t *esp_pdf_surface_for_buffer(esp_fd_buffer *buffer, double width, double height) {
    return cairo_pdf_surface_create_for_stream(esp_write_buffered, buffer, width, height);
}

/* A PDF surface whose output is thrown away: for laying a sheet out without writing it (cairo takes a NULL write
 * function as a no-op). */
static inline cairo_surface_t *esp_pdf_surface_discarding(double width, double height) {
    return cairo_pdf_surface_create_for_stream(NULL, NULL, width, height);
}

/* Tabular figures ("tnum"): every digit as wide as the others, so a column of numbers lines up digit by digit. */
static inline void esp_layout_set_tabular_figures(PangoLayout *layout) {
    PangoAttrList *list = pango_attr_list_new();
    pango_attr_list_insert(list, pango_attr_font_features_new("tnum"));
    pango_layout_set_attributes(layout, list);
    pango_attr_list_unref(list);
}

static inline esp_fd_buffer *esp_fd_buffer_create(int fd) {
    esp_fd_buffer *buffer = calloc(1, sizeof *buffer);
    if (buffer) buffer->fd = fd;
    return buffer;
}

#endif
