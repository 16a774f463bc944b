#ifndef ESP_CPANGOCAIRO_SHIM_H
#define ESP_CPANGOCAIRO_SHIM_H

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>

/* g_object_unref takes a gpointer; a typed wrapper keeps the Swift side free of casts. */
static inline void esp_object_unref(void *object) { g_object_unref(object); }

#endif
