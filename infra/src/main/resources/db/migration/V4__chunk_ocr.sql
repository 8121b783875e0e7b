-- Text recognised by OCR (a scanned PDF, a PNG or JPEG of a resume) may hold misread characters: each chunk says
-- where its text came from, so a citation of it can say "recognised from a scan". On the chunk, not the document:
-- citations and both retrieval legs read chunks, and a PDF whose scanned pages are read beside its text pages
-- would mix both in one document.
ALTER TABLE chunk ADD COLUMN ocr boolean NOT NULL DEFAULT false;
