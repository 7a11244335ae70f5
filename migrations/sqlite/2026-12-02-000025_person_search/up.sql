-- Every word of each person's names, folded (lowercase, accents and other marks taken off,
-- punctuation dropped), so staff find "Nguyễn" by typing "nguyen" and "Mary-Ann O'Neil" by
-- "ann" or "oneil": a prefix range on this index, whatever part of the name was typed. Filled
-- for the records already held when the server next starts.
CREATE TABLE person_names (
    word TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    PRIMARY KEY (word, person_id)
);
CREATE INDEX person_names_person ON person_names (person_id);
-- Finding people by postcode.
CREATE INDEX people_postcode ON people (postcode);
