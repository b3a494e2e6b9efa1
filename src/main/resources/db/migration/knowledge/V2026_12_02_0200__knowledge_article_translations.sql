-- Shipped articles come in every language Cairn ships: the text an article was written in is knowledge_article's,
-- and each translation belongs to one revision, so that a revision someone writes later is shown as written, in the
-- language they wrote it in. The search vector uses the stemming of the translation's language.
create table knowledge_article_translation (
    article_id  uuid not null references knowledge_article (id),
    revision    integer not null,
    language    text not null check (language in ('nl')),
    title       text not null,
    body        text not null,
    tags        text[] not null default '{}',
    search      tsvector not null,
    primary key (article_id, revision, language)
);
create index knowledge_article_translation_search on knowledge_article_translation using gin (search);
