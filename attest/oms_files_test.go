package attest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOMSFileRules checks which files SignOMS and VerifyOMS look at, rule
// by rule, as model_signing's serializer chooses them.
func TestOMSFileRules(t *testing.T) {
	ctx := context.Background()
	key, err := GenerateKey(P256, nil)
	require.NoError(t, err)
	trust := OMSVerifyOptions{Keys: []*PublicKey{key.Public()}}
	names := func(t *testing.T, b *OMSBundle) []string {
		st, err := ParseOMSStatement(b.Envelope.Payload)
		require.NoError(t, err)
		var out []string
		for _, r := range st.Resources {
			out = append(out, r.Name)
		}
		return out
	}

	t.Run("empty model refused", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{".gitignore": "x", ".git/config": "y"})
		_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key})
		require.ErrorIs(t, err, ErrOMSModel)
		require.ErrorContains(t, err, "no files to sign")
	})

	t.Run("git paths included on request", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{".gitignore": "x", "w": "y"})
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, IncludeGitPaths: true})
		require.NoError(t, err)
		require.Equal(t, []string{".gitignore", "w"}, names(t, b))
	})

	t.Run("symlink refused by default", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"w": "y"})
		require.NoError(t, os.Symlink("w", filepath.Join(model, "link")))
		_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key})
		require.ErrorIs(t, err, ErrOMSModel)
		require.ErrorContains(t, err, "link is a symbolic link")
	})

	t.Run("symlink inside followed when allowed", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"w": "y"})
		require.NoError(t, os.Symlink("w", filepath.Join(model, "link")))
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, AllowSymlinks: true})
		require.NoError(t, err)
		require.Equal(t, []string{"link", "w"}, names(t, b))
		st, _ := ParseOMSStatement(b.Envelope.Payload)
		require.True(t, st.Serialization.AllowSymlinks)
		require.Equal(t, st.Resources[0].Digest, st.Resources[1].Digest)
		// The verifier follows links only when its caller allows it too.
		opts := trust
		_, err = VerifyOMS(ctx, b, model, opts)
		require.ErrorIs(t, err, ErrOMSModel)
		opts.AllowSymlinks = true
		_, err = VerifyOMS(ctx, b, model, opts)
		require.NoError(t, err)
	})

	t.Run("symlink outside never followed", func(t *testing.T) {
		outside := filepath.Join(t.TempDir(), "secret")
		require.NoError(t, os.WriteFile(outside, []byte("secret"), 0o644))
		for _, target := range []string{outside, "../../" + filepath.Base(filepath.Dir(outside)) + "/secret"} {
			model := writeTestModel(t, map[string]string{"w": "y"})
			require.NoError(t, os.Symlink(target, filepath.Join(model, "link")))
			_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, AllowSymlinks: true})
			require.ErrorIs(t, err, ErrOMSModel)
			require.ErrorContains(t, err, "outside the model")
		}
	})

	t.Run("symlink to a directory not followed", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"d/w": "y"})
		require.NoError(t, os.Symlink("d", filepath.Join(model, "link")))
		_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, AllowSymlinks: true})
		require.ErrorContains(t, err, "does not lead to a regular file")
	})

	t.Run("ignore paths are exact relative paths", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"cache/a": "1", "sub/cache/b": "2", "cachefile": "3"})
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, IgnorePaths: []string{"cache", filepath.Join(model, "cachefile"), "../elsewhere"}})
		require.NoError(t, err)
		require.Equal(t, []string{"sub/cache/b"}, names(t, b))
		// The recorded ignore paths apply when verifying: no need to repeat them.
		_, err = VerifyOMS(ctx, b, model, trust)
		require.NoError(t, err)
	})

	t.Run("single file", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"model.bin": "weights"})
		file := filepath.Join(model, "model.bin")
		b, err := SignOMS(ctx, file, OMSSignOptions{Signer: key})
		require.NoError(t, err)
		require.Equal(t, []string{"."}, names(t, b))
		_, err = VerifyOMS(ctx, b, file, trust)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(file, []byte("changed"), 0o644))
		_, err = VerifyOMS(ctx, b, file, trust)
		require.ErrorIs(t, err, ErrSubjectMismatch)
	})

	t.Run("unsigned, missing and changed files are named", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"a": "1", "b": "2"})
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key})
		require.NoError(t, err)
		require.NoError(t, os.Remove(filepath.Join(model, "a")))
		require.NoError(t, os.WriteFile(filepath.Join(model, "b"), []byte("3"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(model, "c"), []byte("4"), 0o644))
		r, err := VerifyOMS(ctx, b, model, trust)
		require.ErrorIs(t, err, ErrSubjectMismatch)
		require.ErrorContains(t, err, "a is signed but missing")
		require.ErrorContains(t, err, "b has sha256")
		require.ErrorContains(t, err, "c is not in the signed model")
		require.Len(t, r.Problems, 3)
	})
}
