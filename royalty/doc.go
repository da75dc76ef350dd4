// Package royalty is documented in doc.go once implemented.
package royalty
