package sample;

class Sneaky {
    Object admin = Admin.create(properties);
}
