DROP INDEX people_postcode;
DROP TABLE person_names;
