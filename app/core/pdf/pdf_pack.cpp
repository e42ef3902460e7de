// Finished pages held deflated (pdf_doc.hpp, packPage): libharu keeps every page's content stream
// in memory, uncompressed, until the document is saved. Once a page is laid out, what it holds so
// far is deflated (zlib's fastest level) into a stream object of its own that inflates itself only
// while libharu reads it to save; the page's contents become [that stream, the page's own stream],
// which PDF reads as one stream (ISO 32000-1, 7.8.2), so the footers drawn at the very end still
// go into the page's own, now empty, stream. libharu deflates the content again as it saves
// (HPDF_COMP_ALL), so the file is the same as it was without packing.
#include <hpdf.h>
#include <hpdf_pages.h>
#include <zlib.h>

#include <string>

#include "pdf_doc.hpp"

namespace pdf {

namespace {

constexpr HPDF_UINT kFooterBlock = 512;

// One page's content, deflated; inflated again only while libharu reads it.
struct Packed {
    std::string deflated;
    HPDF_UINT32 size = 0;  // inflated
    HPDF_UINT32 read = 0;
    z_stream z{};
    bool inflating = false;

    void stop() {
        if (inflating) inflateEnd(&z);
        inflating = false;
    }
    bool restart() {
        stop();
        z = z_stream{};
        z.next_in = reinterpret_cast<Bytef*>(deflated.data());
        z.avail_in = static_cast<uInt>(deflated.size());
        inflating = inflateInit(&z) == Z_OK;
        read = 0;
        return inflating;
    }
};

Packed& packed(HPDF_Stream s) { return *static_cast<Packed*>(s->attr); }

HPDF_STATUS readPacked(HPDF_Stream s, HPDF_BYTE* out, HPDF_UINT* size) {
    Packed& p = packed(s);
    if (!p.inflating && !p.restart()) return HPDF_SetError(s->error, HPDF_INVALID_OPERATION, 0);
    p.z.next_out = out;
    p.z.avail_out = *size;
    const int r = inflate(&p.z, Z_NO_FLUSH);
    *size -= p.z.avail_out;
    p.read += *size;
    if (r == Z_STREAM_END) {
        p.stop();  // the inflater's 40 KB go as soon as the page is read
        return HPDF_STREAM_EOF;
    }
    if (r != Z_OK) return HPDF_SetError(s->error, HPDF_INVALID_OPERATION, 0);
    return HPDF_OK;
}

// libharu only ever seeks a content stream back to its start before reading it.
HPDF_STATUS seekPacked(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode) {
    if (pos != 0 || mode != HPDF_SEEK_SET || !packed(s).restart()) return HPDF_SetError(s->error, HPDF_INVALID_OPERATION, 0);
    return HPDF_OK;
}

HPDF_INT32 tellPacked(HPDF_Stream s) { return static_cast<HPDF_INT32>(packed(s).read); }
HPDF_UINT32 sizePacked(HPDF_Stream s) { return packed(s).size; }

void freePacked(HPDF_Stream s) {
    Packed* p = static_cast<Packed*>(s->attr);
    p->stop();
    delete p;
    s->attr = nullptr;
}

// The bytes of a libharu memory stream, deflated; false when zlib fails.
bool deflateStream(HPDF_Stream from, std::string& out) {
    z_stream z{};
    if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) return false;
    out.resize(deflateBound(&z, from->size));
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const HPDF_UINT count = HPDF_MemStream_GetBufCount(from);
    bool ok = true;
    for (HPDF_UINT i = 0; i < count && ok; ++i) {
        HPDF_UINT length = 0;
        z.next_in = HPDF_MemStream_GetBufPtr(from, i, &length);
        z.avail_in = length;
        ok = z.next_in && deflate(&z, i + 1 == count ? Z_FINISH : Z_NO_FLUSH) != Z_STREAM_ERROR;
    }
    ok = ok && z.avail_in == 0 && (count > 0 ? z.total_in == from->size : true);
    out.resize(z.total_out);
    out.shrink_to_fit();
    deflateEnd(&z);
    return ok;
}

}  // namespace

bool packPage(HPDF_Doc doc, HPDF_Page page) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Stream own = attr->stream;
    if (!own || own->type != HPDF_STREAM_MEMORY || own->size < 1024) return false;  // not worth a stream
    auto* p = new Packed;
    p->size = own->size;
    if (!deflateStream(own, p->deflated)) {
        delete p;
        return false;
    }
    HPDF_Stream reader = HPDF_CallbackReader_New(doc->mmgr, &readPacked, &seekPacked, &tellPacked, &sizePacked, p);
    if (!reader) {
        delete p;
        return false;
    }
    reader->free_fn = &freePacked;
    HPDF_Dict body = HPDF_DictStream_New(doc->mmgr, doc->xref);  // registered in the document: freed with it
    HPDF_Array contents = body ? HPDF_Array_New(doc->mmgr) : nullptr;
    if (!contents) {
        HPDF_Stream_Free(reader);
        return false;
    }
    HPDF_Stream_Free(body->stream);
    body->stream = reader;
    body->filter = attr->contents->filter;
    HPDF_Array_Add(contents, body);
    HPDF_Array_Add(contents, attr->contents);
    HPDF_Dict_Add(page, "Contents", contents);
    // The page goes on writing into its own stream, now empty: only its footer is still to come
    // (a few hundred bytes), so it grows in small blocks, not in libharu's 4 KB ones.
    HPDF_MemStream_FreeData(own);
    auto* blocks = static_cast<HPDF_MemStreamAttr>(own->attr);
    blocks->buf_siz = kFooterBlock;
    blocks->w_pos = kFooterBlock;  // as FreeData leaves it: the next write takes a new block
    return true;
}

}  // namespace pdf
