pragma solidity 0.4.24;

contract CoinToken {
    mapping(address => uint) public balances;

    constructor() public { balances[msg.sender] = 10000; }

    function sendCoin(address to, uint amount) public returns (bool) { // @vulnerable: short_addresses
        require(balances[msg.sender] >= amount);
        balances[msg.sender] = balances[msg.sender] - amount;
        balances[to] = balances[to] + amount; // @vulnerable: arithmetic
        return true;
    }
}
