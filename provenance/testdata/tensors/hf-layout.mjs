// Reads weight files with Hugging Face's own parsers and prints each
// tensor's name, dtype, shape, absolute byte range and the SHA-256 of those
// bytes, for TestTensorLayoutAgreesWithHuggingFace.
//
// stdin: {"root": dir, "files": [{"path": relative path, "kind": "safetensors" | "gguf"}]}
// A safetensors path may be a model.safetensors.index.json: the sharded
// checkpoint is then read through it, as the Hub reads it.
//
// @huggingface/hub reads safetensors over HTTP range requests to the Hub;
// its `fetch` option is served here from the local files. @huggingface/gguf
// reads local files with `allowLocalFile`. Byte sizes of GGUF tensors come
// from @huggingface/gguf's own GGML_QUANT_SIZES table, read from its source.
import { parseSafetensorsMetadata } from '@huggingface/hub'
import { gguf, GGMLQuantizationType } from '@huggingface/gguf'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const chunks = []
for await (const c of process.stdin) chunks.push(c)
const { root, files } = JSON.parse(Buffer.concat(chunks).toString())

const hubUrl = 'http://hub.invalid'
const prefix = `${hubUrl}/aiprov/test/resolve/main/`
async function localFetch(url, init = {}) {
  url = String(url)
  if (!url.startsWith(prefix)) return new Response('not found', { status: 404 })
  let data
  try {
    data = readFileSync(join(root, decodeURIComponent(url.slice(prefix.length).split('?')[0])))
  } catch {
    return new Response('not found', { status: 404, headers: { 'X-Error-Code': 'EntryNotFound' } })
  }
  // The Hub names each file's version with an ETag, which the client requires.
  const etag = `"${createHash('sha256').update(data).digest('hex')}"`
  const range = new Headers(init.headers).get('Range')
  if (!range) return new Response(data, { status: 200, headers: { 'Content-Length': String(data.length), ETag: etag } })
  const [, a, b] = /^bytes=(\d+)-(\d*)$/.exec(range)
  const start = Number(a)
  const end = Math.min(b === '' ? data.length - 1 : Number(b), data.length - 1)
  return new Response(data.subarray(start, end + 1), {
    status: 206,
    headers: { 'Content-Range': `bytes ${start}-${end}/${data.length}`, 'Content-Length': String(end + 1 - start), ETag: etag },
  })
}

// GGML_QUANT_SIZES: [GGMLQuantizationType.X]: calcBPW(blockSize, typeSizeExpression)
const src = readFileSync(createRequire(import.meta.url).resolve('@huggingface/gguf'), 'utf8')
const quantSizes = {}
for (const m of src.matchAll(/GGMLQuantizationType\.(\w+)\]: calcBPW\((\d+), ([^)]*)\)/g)) {
  quantSizes[m[1]] = { block: BigInt(m[2]), size: BigInt(new Function('QK_K', `return ${m[3]}`)(256)) }
}
if (Object.keys(quantSizes).length < 20) throw new Error('GGML_QUANT_SIZES not found in @huggingface/gguf')

const sha256 = (buf, start, end) => createHash('sha256').update(buf.subarray(Number(start), Number(end))).digest('hex')

const out = []
for (const { path, kind } of files) {
  if (kind === 'safetensors') {
    const res = await parseSafetensorsMetadata({ repo: 'aiprov/test', path, hubUrl, fetch: localFetch })
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
    const headers = res.sharded ? Object.entries(res.headers).map(([f, h]) => [dir + f, h]) : [[path, res.header]]
    for (const [file, header] of headers) {
      const data = readFileSync(join(root, file))
      const base = 8n + data.readBigUInt64LE(0)
      const tensors = []
      for (const [name, t] of Object.entries(header)) {
        if (name === '__metadata__') continue
        const start = base + BigInt(t.data_offsets[0])
        const end = base + BigInt(t.data_offsets[1])
        tensors.push({ name, dtype: t.dtype, shape: t.shape.map(String), offset: String(start), size: String(end - start), sha256: sha256(data, start, end) })
      }
      out.push({ path: file, tensors })
    }
  } else {
    const data = readFileSync(join(root, path))
    const { tensorInfos, tensorDataOffset } = await gguf(join(root, path), { allowLocalFile: true })
    const tensors = []
    for (const t of tensorInfos) {
      const dtype = GGMLQuantizationType[t.dtype]
      const q = quantSizes[dtype]
      const n = t.shape.reduce((a, d) => a * BigInt(d), 1n)
      const size = (n / q.block) * q.size
      const start = tensorDataOffset + BigInt(t.offset)
      tensors.push({ name: t.name, dtype, shape: t.shape.map(String), offset: String(start), size: String(size), sha256: sha256(data, start, start + size) })
    }
    out.push({ path, tensors })
  }
}
process.stdout.write(JSON.stringify(out))
