pragma solidity 0.4.24;

contract BecToken {
    mapping(address => uint256) public balances;

    function batchTransfer(address[] receivers, uint256 value) public returns (bool) {
        uint256 amount = receivers.length * value; // @vulnerable: arithmetic
        require(balances[msg.sender] >= amount);
        balances[msg.sender] = balances[msg.sender] - amount;
        for (uint256 i = 0; i < receivers.length; i++) {
            balances[receivers[i]] += value; // @vulnerable: arithmetic
        }
        return true;
    }
}
