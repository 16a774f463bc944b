#ifndef ESP_CLIBXML2_SHIM_H
#define ESP_CLIBXML2_SHIM_H

/* xmlversion.h comes first so LIBXML_ICU_ENABLED can be withdrawn before
   any header that would pull in <unicode/ucnv.h>: Debian builds libxml2 with
   ICU, and ICU's UErrorCode then clashes with Foundation's copy when both
   are visible in one Swift module. Nothing here needs the ICU types; the
   one struct whose layout this changes, xmlCharEncodingHandler, must never
   be read field by field from Swift. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/globals.h>
#include <libxml/xmlschemas.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to
   touch as shared mutable state; a function call is fine. */
static inline void esp_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/* In threaded builds these "globals" are macros over per-thread storage,
   which Swift cannot import; reading them lets a caller restore the
   handler it replaced. */
static inline xmlStructuredErrorFunc esp_currentStructuredErrorFunc(void) {
    return xmlStructuredError;
}

static inline void *esp_currentStructuredErrorContext(void) {
    return xmlStructuredErrorContext;
}

/* Refuses every external resource (DTDs, entities, schema imports),
   whatever the URL scheme, so no document can make us read a local file
   or touch the network. */
static inline xmlParserInputPtr esp_denyExternalEntity(const char *url,
                                                       const char *publicID,
                                                       xmlParserCtxtPtr context) {
    (void)url;
    (void)publicID;
    (void)context;
    return NULL;
}

static inline void esp_installDenyingEntityLoader(void) {
    xmlSetExternalEntityLoader(esp_denyExternalEntity);
}

/* Stops the parser as soon as a DOCTYPE is seen, before its internal subset
   (entity declarations) is read. `_private` points at an int that receives
   the line (at least 1), so the caller can tell this stop from other
   failures and say where it happened. Catches encodings a byte scan for
   "<!DOCTYPE" cannot see, such as UTF-16. */
static inline void esp_refuseDoctype(void *context, const xmlChar *name,
                                     const xmlChar *externalID,
                                     const xmlChar *systemID) {
    (void)name;
    (void)externalID;
    (void)systemID;
    xmlParserCtxtPtr parser = (xmlParserCtxtPtr)context;
    if (parser == NULL) {
        return;
    }
    if (parser->_private != NULL) {
        int line = parser->input != NULL ? parser->input->line : 1;
        *(int *)parser->_private = line > 0 ? line : 1;
    }
    xmlStopParser(parser);
}

static inline void esp_installDoctypeRefusal(xmlParserCtxtPtr parser, int *line) {
    if (parser == NULL || parser->sax == NULL) {
        return;
    }
    parser->_private = line;
    parser->sax->internalSubset = esp_refuseDoctype;
    parser->sax->externalSubset = esp_refuseDoctype;
}

#endif
