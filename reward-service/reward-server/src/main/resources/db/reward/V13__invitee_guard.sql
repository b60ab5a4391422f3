-- One row per invitee (buyer), locked first by every transaction that records or revokes the invitee's attribution
-- or records one of the invitee's orders: they serialise per user, so an order recorded while its buyer's attribution
-- is being recorded is seen by one of the two (the long fault run lost a cashback to that write skew).
CREATE TABLE invitee_guard (
    user_id  VARCHAR(64)  PRIMARY KEY
);
