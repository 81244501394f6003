"""Initial schema: every table of shuraka.store.models, plus the full-text index.

SQLite: an FTS5 table `sentence_fts` over `sentences.terms` (external content, rowid =
sentences.id), written by ingest. PostgreSQL: a GIN index on
to_tsvector('simple', sentences.terms).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_tables()
    _create_search_index()


def _create_tables() -> None:
    op.create_table('entities',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('name_ar', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities'))
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_type'), ['type'], unique=False)

    op.create_table('stories',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('first_published', sa.String(length=10), nullable=True),
    sa.Column('document_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('story_id', sa.String(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('norm_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_documents_story_id_stories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_story_id'), ['story_id'], unique=False)

    op.create_table('memberships',
    sa.Column('instrument_id', sa.String(), nullable=False),
    sa.Column('member_id', sa.String(), nullable=False),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['instrument_id'], ['entities.id'], name=op.f('fk_memberships_instrument_id_entities')),
    sa.ForeignKeyConstraint(['member_id'], ['entities.id'], name=op.f('fk_memberships_member_id_entities')),
    sa.PrimaryKeyConstraint('instrument_id', 'member_id', name=op.f('pk_memberships'))
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memberships_member_id'), ['member_id'], unique=False)

    op.create_table('partnerships',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('party_id', sa.String(), nullable=False),
    sa.Column('partner_id', sa.String(), nullable=False),
    sa.Column('instrument_id', sa.String(), nullable=True),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('statement_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['instrument_id'], ['entities.id'], name=op.f('fk_partnerships_instrument_id_entities')),
    sa.ForeignKeyConstraint(['partner_id'], ['entities.id'], name=op.f('fk_partnerships_partner_id_entities')),
    sa.ForeignKeyConstraint(['party_id'], ['entities.id'], name=op.f('fk_partnerships_party_id_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partnerships'))
    )
    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnerships_instrument_id'), ['instrument_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnerships_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnerships_party_id'), ['party_id'], unique=False)

    op.create_table('document_bands',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('band', sa.SmallInteger(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_bands_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'band', name=op.f('pk_document_bands'))
    )
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.create_index('ix_document_bands_band_value', ['band', 'value'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=24), nullable=True),
    sa.Column('contexts', sa.JSON(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('location_id', sa.String(), nullable=True),
    sa.Column('first_document_id', sa.String(), nullable=False),
    sa.Column('report_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['first_document_id'], ['documents.id'], name=op.f('fk_events_first_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['location_id'], ['entities.id'], name=op.f('fk_events_location_id_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_first_document_id'), ['first_document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('membership_evidence',
    sa.Column('instrument_id', sa.String(), nullable=False),
    sa.Column('member_id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_membership_evidence_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('instrument_id', 'member_id', 'document_id', 'start_char', name=op.f('pk_membership_evidence'))
    )
    with op.batch_alter_table('membership_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_evidence_document_id'), ['document_id'], unique=False)

    op.create_table('mentions',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_mentions_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_mentions_entity_id_entities')),
    sa.PrimaryKeyConstraint('document_id', 'start_char', 'end_char', 'entity_id', name=op.f('pk_mentions'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_entity_id'), ['entity_id'], unique=False)

    op.create_table('partnership_area_sources',
    sa.Column('partnership_id', sa.String(), nullable=False),
    sa.Column('area', sa.String(length=40), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('seen', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_partnership_area_sources_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_partnership_area_sources_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partnership_id', 'area', 'document_id', name=op.f('pk_partnership_area_sources'))
    )
    with op.batch_alter_table('partnership_area_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnership_area_sources_document_id'), ['document_id'], unique=False)

    op.create_table('partnership_areas',
    sa.Column('partnership_id', sa.String(), nullable=False),
    sa.Column('area', sa.String(length=40), nullable=False),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_partnership_areas_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partnership_id', 'area', name=op.f('pk_partnership_areas'))
    )
    with op.batch_alter_table('partnership_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnership_areas_area'), ['area'], unique=False)

    op.create_table('partnership_evidence',
    sa.Column('partnership_id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_partnership_evidence_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_partnership_evidence_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partnership_id', 'document_id', 'start_char', name=op.f('pk_partnership_evidence'))
    )
    op.create_table('partnership_statements',
    sa.Column('partnership_id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('area_count', sa.Integer(), nullable=True),
    sa.Column('seen', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_partnership_statements_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_partnership_statements_partnership_id_partnerships'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partnership_id', 'document_id', name=op.f('pk_partnership_statements'))
    )
    with op.batch_alter_table('partnership_statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnership_statements_document_id'), ['document_id'], unique=False)

    op.create_table('roles',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('person_id', sa.String(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('of_id', sa.String(), nullable=True),
    sa.Column('as_of', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_roles_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['entities.id'], name=op.f('fk_roles_person_id_entities')),
    sa.PrimaryKeyConstraint('document_id', 'person_id', 'title_en', 'start_char', name=op.f('pk_roles'))
    )
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roles_of_id'), ['of_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_person_id'), ['person_id'], unique=False)

    op.create_table('sentences',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('norm', sa.Text(), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_sentences_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentences'))
    )
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentences_document_id'), ['document_id'], unique=False)

    op.create_table('sources',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_sources_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'source', name=op.f('pk_sources'))
    )
    op.create_table('event_participants',
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_event_participants_entity_id_entities')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_participants_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'entity_id', 'role', name=op.f('pk_event_participants'))
    )
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participants_entity_id'), ['entity_id'], unique=False)

    op.create_table('event_reports',
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('mode', sa.String(length=24), nullable=True),
    sa.Column('location_id', sa.String(), nullable=True),
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('people', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_event_reports_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_reports_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'document_id', 'start_char', name=op.f('pk_event_reports'))
    )
    with op.batch_alter_table('event_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_reports_document_id'), ['document_id'], unique=False)

    op.create_table('event_topics',
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('area', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_topics_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'area', name=op.f('pk_event_topics'))
    )
    with op.batch_alter_table('event_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_topics_area'), ['area'], unique=False)



def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table('event_topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_topics_area'))

    op.drop_table('event_topics')
    with op.batch_alter_table('event_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_reports_document_id'))

    op.drop_table('event_reports')
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participants_entity_id'))

    op.drop_table('event_participants')
    op.drop_table('sources')
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sentences_document_id'))

    op.drop_table('sentences')
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roles_person_id'))
        batch_op.drop_index(batch_op.f('ix_roles_of_id'))

    op.drop_table('roles')
    with op.batch_alter_table('partnership_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnership_statements_document_id'))

    op.drop_table('partnership_statements')
    op.drop_table('partnership_evidence')
    with op.batch_alter_table('partnership_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnership_areas_area'))

    op.drop_table('partnership_areas')
    with op.batch_alter_table('partnership_area_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnership_area_sources_document_id'))

    op.drop_table('partnership_area_sources')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_entity_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('membership_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_evidence_document_id'))

    op.drop_table('membership_evidence')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_first_document_id'))
        batch_op.drop_index(batch_op.f('ix_events_date'))

    op.drop_table('events')
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_document_bands_band_value')

    op.drop_table('document_bands')
    with op.batch_alter_table('partnerships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnerships_party_id'))
        batch_op.drop_index(batch_op.f('ix_partnerships_partner_id'))
        batch_op.drop_index(batch_op.f('ix_partnerships_instrument_id'))

    op.drop_table('partnerships')
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memberships_member_id'))

    op.drop_table('memberships')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_story_id'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))

    op.drop_table('documents')
    op.drop_table('stories')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_type'))

    op.drop_table('entities')


def _create_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE sentence_fts USING fts5("
                   "terms, content='sentences', content_rowid='id', "
                   "tokenize='unicode61 remove_diacritics 0')")
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_sentences_terms_tsv ON sentences "
                   "USING gin (to_tsvector('simple', terms))")


def _drop_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentence_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_sentences_terms_tsv")
