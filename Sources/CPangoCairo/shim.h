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

/* The PDF in memory: cairo hands its output over in pieces of a few bytes; the buffer doubles as it fills. The
 * bytes go to a file, an HTTP answer or a test, as the front end decides. */
typedef struct {
    unsigned char *data;
    size_t used;
    size_t capacity;
    int failed;
} esp_memory_buffer;

static inline cairo_status_t esp_write_memory(void *closure, const unsigned char *data, unsigned int length) {
    esp_memory_buffer *buffer = closure;
    if (buffer->used + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : (size_t)1 << 16;
        while (capacity < buffer->used + length) capacity *= 2;
        unsigned char *grown = realloc(buffer->data, capacity);
        if (!grown) {
            buffer->failed = ENOMEM;
            return CAIRO_STATUS_NO_MEMORY;
        }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->used, data, length);
    buffer->used += length;
    return CAIRO_STATUS_SUCCESS;
}

/* A PDF surface writing into `buffer` (zeroed by the caller). */
static inline cairo_surface_t *esp_pdf_surface_for_memory(esp_memory_buffer *buffer, double width, double height) {
    return cairo_pdf_surface_create_for_stream(esp_write_memory, buffer, width, height);
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

#endif
