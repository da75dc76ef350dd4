// Package provenance is documented in doc.go once implemented.
package provenance
