package api

import (
	_ "embed"
	"net/http"

	tailor "github.com/tailorhq/tailor"
)

// OpenAPI is the OpenAPI 3.1 document of the /v1 API, served at /openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte

func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/yaml")
	w.Write(OpenAPI)
}

// serveSchema serves the JSON Schema of every input shape (tailor.Schema),
// which the API validates against.
func serveSchema(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/schema+json")
	w.Write(tailor.Schema)
}
