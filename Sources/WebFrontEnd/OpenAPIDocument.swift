/// The API's description, OpenAPI 3.1, written by hand and checked by a test with openapi-spec-validator.
enum OpenAPIDocument {
    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "esp API",
            "version": "1.0.0",
            "summary": "Energy-saving advice for low-income households: advice, sheets, the visit register and the programme summary.",
            "description": "Served by `esp serve` on 127.0.0.1 only. Bodies are JSON (`application/json`); errors are problem documents (RFC 9457) with the diagnostics the command line prints."
          },
          "servers": [{ "url": "/api/v1" }],
          "paths": {
            "/advice": {
              "post": {
                "summary": "Advice for a visit",
                "description": "The body is an `esp-visit/1` visit; the answer is exactly the document `esp advise VISIT --format json` prints (`esp-advice/2`). `lang` chooses the language of the warnings' messages (default German, as the command line).",
                "operationId": "advise",
                "parameters": [{ "$ref": "#/components/parameters/lang" }],
                "requestBody": { "$ref": "#/components/requestBodies/visit" },
                "responses": {
                  "200": { "description": "The advice", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Advice" } } } },
                  "400": { "$ref": "#/components/responses/problem" },
                  "413": { "$ref": "#/components/responses/problem" },
                  "415": { "$ref": "#/components/responses/problem" },
                  "422": { "$ref": "#/components/responses/problem" }
                }
              }
            },
            "/sheet": {
              "post": {
                "summary": "The printed advice sheet (A4 PDF)",
                "description": "As `esp report VISIT --lang LANG --second-language SECOND`: the household's copy in `lang` (default: the visit's language) and, with `secondLanguage`, the office copy after it.",
                "operationId": "sheet",
                "parameters": [
                  { "$ref": "#/components/parameters/lang" },
                  { "name": "secondLanguage", "in": "query", "required": false, "schema": { "type": "string", "examples": ["de"] }, "description": "Adds the office copy in this language." }
                ],
                "requestBody": { "$ref": "#/components/requestBodies/visit" },
                "responses": {
                  "200": { "description": "The sheet", "content": { "application/pdf": { "schema": { "type": "string", "contentMediaType": "application/pdf" } } } },
                  "400": { "$ref": "#/components/responses/problem" },
                  "413": { "$ref": "#/components/responses/problem" },
                  "415": { "$ref": "#/components/responses/problem" }
                }
              }
            },
            "/visits": {
              "get": {
                "summary": "Registered visits",
                "operationId": "listVisits",
                "parameters": [{ "$ref": "#/components/parameters/from" }, { "$ref": "#/components/parameters/to" }, { "$ref": "#/components/parameters/city" }],
                "responses": {
                  "200": { "description": "The visits, oldest first", "content": { "application/json": { "schema": { "type": "object", "required": ["visits"], "properties": { "visits": { "type": "array", "items": { "$ref": "#/components/schemas/VisitEntry" } } } } } } },
                  "400": { "$ref": "#/components/responses/problem" }
                }
              },
              "post": {
                "summary": "Register a visit",
                "description": "Advises the visit and keeps it. The same visit again is updated; another visit under a registered id is refused (409) and the problem names both, unless `replace=true`.",
                "operationId": "registerVisit",
                "parameters": [{ "name": "replace", "in": "query", "required": false, "schema": { "type": "boolean" } }],
                "requestBody": { "$ref": "#/components/requestBodies/visit" },
                "responses": {
                  "201": { "description": "Added", "headers": { "Location": { "schema": { "type": "string" } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SaveOutcome" } } } },
                  "200": { "description": "Updated or unchanged", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SaveOutcome" } } } },
                  "400": { "$ref": "#/components/responses/problem" },
                  "409": { "$ref": "#/components/responses/problem" },
                  "413": { "$ref": "#/components/responses/problem" },
                  "415": { "$ref": "#/components/responses/problem" }
                }
              }
            },
            "/visits/{visitId}": {
              "parameters": [{ "$ref": "#/components/parameters/visitId" }],
              "get": {
                "summary": "One registered visit with its documents and follow-ups",
                "operationId": "getVisit",
                "responses": {
                  "200": { "description": "The visit", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Visit" } } } },
                  "404": { "$ref": "#/components/responses/problem" }
                }
              },
              "delete": {
                "summary": "Forget a household",
                "description": "Deletes the household's personal data (visit and advice documents, advisor) and keeps its anonymous figures, as `esp register forget`.",
                "operationId": "forgetVisit",
                "responses": {
                  "200": { "description": "Forgotten", "content": { "application/json": { "schema": { "type": "object", "required": ["visitId", "forgottenAt"], "properties": { "visitId": { "type": "string" }, "forgottenAt": { "type": "string" } } } } } },
                  "404": { "$ref": "#/components/responses/problem" }
                }
              }
            },
            "/visits/{visitId}/follow-ups": {
              "parameters": [{ "$ref": "#/components/parameters/visitId" }],
              "get": {
                "summary": "A visit's follow-ups and their history",
                "operationId": "listFollowUps",
                "responses": {
                  "200": { "description": "Follow-ups", "content": { "application/json": { "schema": { "type": "object", "required": ["visitId", "followUps", "history"], "properties": { "visitId": { "type": "string" }, "followUps": { "type": "array", "items": { "$ref": "#/components/schemas/FollowUpResult" } }, "history": { "type": "array", "items": { "type": "object", "properties": { "change": { "enum": ["corrected", "deleted"] }, "previous": { "$ref": "#/components/schemas/FollowUpRecord" }, "changedAt": { "type": "string" } } } } } } } } },
                  "404": { "$ref": "#/components/responses/problem" }
                }
              },
              "post": {
                "summary": "Record a follow-up",
                "operationId": "recordFollowUp",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FollowUpEntry" } } } },
                "responses": {
                  "201": { "description": "Recorded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FollowUpResult" } } } },
                  "400": { "$ref": "#/components/responses/problem" },
                  "404": { "$ref": "#/components/responses/problem" },
                  "409": { "$ref": "#/components/responses/problem" },
                  "422": { "$ref": "#/components/responses/problem" }
                }
              }
            },
            "/visits/{visitId}/follow-ups/{date}": {
              "parameters": [{ "$ref": "#/components/parameters/visitId" }, { "name": "date", "in": "path", "required": true, "schema": { "type": "string", "format": "date" } }],
              "put": {
                "summary": "Correct the follow-up of a day (the old values stay in the history)",
                "operationId": "correctFollowUp",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FollowUpCorrection" } } } },
                "responses": {
                  "200": { "description": "Corrected", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FollowUpResult" } } } },
                  "400": { "$ref": "#/components/responses/problem" },
                  "404": { "$ref": "#/components/responses/problem" },
                  "422": { "$ref": "#/components/responses/problem" }
                }
              },
              "delete": {
                "summary": "Delete the follow-up of a day (its values stay in the history)",
                "operationId": "deleteFollowUp",
                "responses": {
                  "200": { "description": "What was deleted", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FollowUpRecord" } } } },
                  "404": { "$ref": "#/components/responses/problem" }
                }
              }
            },
            "/summary": {
              "get": {
                "summary": "The programme summary",
                "description": "The `esp-programme-summary/1` document that `esp summary --format json` prints.",
                "operationId": "summary",
                "parameters": [{ "$ref": "#/components/parameters/from" }, { "$ref": "#/components/parameters/to" }, { "$ref": "#/components/parameters/city" }],
                "responses": {
                  "200": { "description": "The summary", "content": { "application/json": { "schema": { "type": "object", "required": ["schema"], "properties": { "schema": { "const": "esp-programme-summary/1" } } } } } },
                  "400": { "$ref": "#/components/responses/problem" },
                  "404": { "$ref": "#/components/responses/problem" }
                }
              }
            }
          },
          "components": {
            "parameters": {
              "lang": { "name": "lang", "in": "query", "required": false, "schema": { "type": "string", "examples": ["de", "ru", "tr", "uk", "ar"] }, "description": "A language with a file in Locales/." },
              "from": { "name": "from", "in": "query", "required": false, "schema": { "type": "string", "format": "date" }, "description": "First visit date included." },
              "to": { "name": "to", "in": "query", "required": false, "schema": { "type": "string", "format": "date" }, "description": "Last visit date included." },
              "city": { "name": "city", "in": "query", "required": false, "schema": { "type": "string" }, "description": "A city id." },
              "visitId": { "name": "visitId", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$" } }
            },
            "requestBodies": {
              "visit": { "required": true, "description": "A visit file, `esp-visit/1` (at most 1 MiB).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VisitDocument" } } } }
            },
            "responses": {
              "problem": { "description": "A problem document (RFC 9457)", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
            },
            "schemas": {
              "VisitDocument": {
                "type": "object",
                "description": "`esp-visit/1`: see the design document and README for every key. Unknown keys are errors.",
                "required": ["schema", "visitId", "date", "city", "household", "electricity"],
                "properties": {
                  "schema": { "const": "esp-visit/1" },
                  "visitId": { "type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$" },
                  "date": { "type": "string", "format": "date" },
                  "city": { "type": "string" },
                  "language": { "type": "string" },
                  "advisor": { "type": "string" },
                  "household": { "type": "object" },
                  "electricity": { "type": "object" },
                  "heating": { "type": "object" },
                  "lighting": { "type": "array", "items": { "type": "object" } },
                  "appliances": { "type": "array", "items": { "type": "object" } },
                  "showers": { "type": "object" },
                  "taps": { "type": "array", "items": { "type": "object" } },
                  "notes": { "type": "string" }
                }
              },
              "Advice": {
                "type": "object",
                "description": "`esp-advice/2`, as `esp advise --format json` prints it.",
                "required": ["schema", "rulesVersion", "visitId", "city", "language", "measures", "totals"],
                "properties": {
                  "schema": { "const": "esp-advice/2" },
                  "rulesVersion": { "type": "integer" },
                  "visitId": { "type": "string" },
                  "city": { "type": "string" },
                  "language": { "type": "string" },
                  "warnings": { "type": "array", "items": { "type": "object", "properties": { "code": { "type": "string" }, "message": { "type": "string" } } } },
                  "measures": { "type": "array", "items": { "type": "object" } },
                  "totals": { "type": "object" }
                }
              },
              "SaveOutcome": {
                "type": "object", "required": ["visitId", "outcome"],
                "properties": { "visitId": { "type": "string" }, "outcome": { "enum": ["added", "updated", "unchanged"] } }
              },
              "VisitEntry": {
                "type": "object",
                "required": ["visitId", "date", "city", "language", "persons", "benefit", "savingEUR", "followUps", "addedAt", "updatedAt"],
                "properties": {
                  "visitId": { "type": "string" }, "date": { "type": "string", "format": "date" }, "city": { "type": "string" },
                  "language": { "type": "string" }, "persons": { "type": "integer" }, "benefit": { "type": "string" },
                  "savingEUR": { "type": "number" }, "followUps": { "type": "array", "items": { "type": "string", "format": "date" } },
                  "addedAt": { "type": "string" }, "updatedAt": { "type": "string" }, "forgottenAt": { "type": "string" }
                }
              },
              "Visit": {
                "allOf": [
                  { "$ref": "#/components/schemas/VisitEntry" },
                  { "type": "object", "properties": {
                      "visit": { "$ref": "#/components/schemas/VisitDocument" },
                      "advice": { "$ref": "#/components/schemas/Advice" },
                      "followUpResults": { "type": "array", "items": { "$ref": "#/components/schemas/FollowUpResult" } } } }
                ]
              },
              "FollowUpEntry": {
                "type": "object", "required": ["date"], "additionalProperties": false,
                "properties": {
                  "date": { "type": "string", "format": "date" },
                  "electricityKWhSinceVisit": { "type": "number", "minimum": 0 },
                  "meterAtVisitKWh": { "type": "number", "minimum": 0 },
                  "meterNowKWh": { "type": "number", "minimum": 0 },
                  "heatingKWhPerYear": { "type": "number", "minimum": 0 },
                  "implemented": { "type": "array", "items": { "type": "string" } },
                  "confirmUnusual": { "type": "boolean" },
                  "supplyContinued": { "type": ["boolean", "null"], "description": "Energy debt at the visit: is electricity or gas still (or again) supplied?" },
                  "agreementReached": { "type": ["boolean", "null"], "description": "Energy debt at the visit: was an instalment agreement (Abwendungsvereinbarung) made?" }
                }
              },
              "FollowUpCorrection": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "electricityKWhSinceVisit": { "type": "number", "minimum": 0 },
                  "meterAtVisitKWh": { "type": "number", "minimum": 0 },
                  "meterNowKWh": { "type": "number", "minimum": 0 },
                  "heatingKWhPerYear": { "type": "number", "minimum": 0 },
                  "implemented": { "type": "array", "items": { "type": "string" } },
                  "confirmUnusual": { "type": "boolean" },
                  "supplyContinued": { "type": ["boolean", "null"], "description": "Energy debt at the visit: is electricity or gas still (or again) supplied?" },
                  "agreementReached": { "type": ["boolean", "null"], "description": "Energy debt at the visit: was an instalment agreement (Abwendungsvereinbarung) made?" }
                }
              },
              "FollowUpRecord": {
                "type": "object", "required": ["date", "implemented"],
                "properties": {
                  "date": { "type": "string", "format": "date" },
                  "electricityKWhSinceVisit": { "type": ["number", "null"] },
                  "meterAtVisitKWh": { "type": ["number", "null"] },
                  "meterNowKWh": { "type": ["number", "null"] },
                  "heatingKWhPerYear": { "type": ["number", "null"] },
                  "implemented": { "type": "array", "items": { "type": "string" } },
                  "supplyContinued": { "type": ["boolean", "null"] },
                  "agreementReached": { "type": ["boolean", "null"] }
                }
              },
              "RealisedSaving": {
                "type": ["object", "null"],
                "properties": {
                  "beforeKWhPerYear": { "type": "number" }, "baselineEstimated": { "type": "boolean" },
                  "usedSinceVisitKWh": { "type": ["number", "null"] }, "afterKWhPerYear": { "type": "number" },
                  "savedKWhPerYear": { "type": "number" }, "savedEURPerYear": { "type": ["number", "null"] },
                  "savedCO2KgPerYear": { "type": ["number", "null"] }, "beneficiary": { "type": "string" }
                }
              },
              "FollowUpResult": {
                "type": "object", "required": ["visitId", "date", "daysSinceVisit", "implemented", "predicted"],
                "properties": {
                  "visitId": { "type": "string" }, "date": { "type": "string", "format": "date" },
                  "daysSinceVisit": { "type": "integer" }, "shortPeriod": { "type": "boolean" },
                  "implemented": { "type": "array", "items": { "type": "string" } },
                  "meterAtVisitKWh": { "type": ["number", "null"] }, "meterNowKWh": { "type": ["number", "null"] },
                  "electricity": { "$ref": "#/components/schemas/RealisedSaving" },
                  "heating": { "$ref": "#/components/schemas/RealisedSaving" },
                  "supplyContinued": { "type": ["boolean", "null"] }, "agreementReached": { "type": ["boolean", "null"] },
                  "predicted": { "type": "object", "properties": { "electricityKWh": { "type": "number" }, "heatKWh": { "type": "number" }, "savingEUR": { "type": "number" }, "co2Kg": { "type": "number" } } }
                }
              },
              "Problem": {
                "type": "object",
                "required": ["type", "title", "status", "detail", "code"],
                "properties": {
                  "type": { "type": "string", "format": "uri-reference" },
                  "title": { "type": "string" },
                  "status": { "type": "integer" },
                  "detail": { "type": "string", "description": "What went wrong, in the command line's words." },
                  "code": { "type": "string" },
                  "diagnostics": {
                    "type": "array",
                    "items": {
                      "type": "object", "required": ["severity", "message"],
                      "properties": {
                        "line": { "type": "integer" }, "column": { "type": "integer" },
                        "path": { "type": "string", "description": "JSON path, e.g. household.persons" },
                        "severity": { "enum": ["error", "warning"] },
                        "message": { "type": "string" },
                        "allowed": { "type": "array", "items": { "type": "string" } }
                      }
                    }
                  },
                  "registered": { "type": "object", "description": "For a taken visit id: the registered visit (date, city, advisor)." },
                  "sent": { "type": "object", "description": "For a taken visit id: the visit sent (date, city, advisor)." }
                }
              }
            }
          }
        }

        """#
}
